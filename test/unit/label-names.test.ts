import { describe as suite, expect, it } from 'vitest';
import { BUILT_IN_LABELS, labelNameKey, labelProblem } from '../../app/core/labels.js';
import { LabelError, LabelSettings } from '../../app/main/labels/label-settings.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('label-names');
const input = (name: string, key = '') => ({ name, colour: '#7b1fa2', key });

suite('label names that imitate others are refused (Unicode)', () => {
  it('compares names after NFKC and case folding', () => {
    expect(labelNameKey('ﬁgure')).toBe(labelNameKey('figure'));
    expect(labelNameKey('CLAIM')).toBe(labelNameKey('claim'));
    expect(labelNameKey('Cafe\u0301')).toBe(labelNameKey('Café'));
    expect(labelNameKey('STRASSE')).toBe(labelNameKey('straße'));
    expect(labelNameKey('Figure')).not.toBe(labelNameKey('Figures'));
  });

  it('refuses control and format characters (bidi overrides, zero-width), naming the character', () => {
    expect(labelProblem(input('Claim\u200b'), BUILT_IN_LABELS)).toBe(
      'a label name cannot hold control or invisible formatting characters (it holds U+200B at character 6): they can make it look like another name',
    );
    expect(labelProblem(input('\u202eetouq'), BUILT_IN_LABELS)).toMatch(/holds U\+202E at character 1/);
    expect(labelProblem(input('\u200b'), BUILT_IN_LABELS)).toMatch(/holds U\+200B/);
    expect(labelProblem(input('Dis\u00adputed'), BUILT_IN_LABELS)).toMatch(/holds U\+00AD/);
    expect(labelProblem(input('Dis\u0007puted'), BUILT_IN_LABELS)).toMatch(/holds U\+0007/);
    // Visible letters of any script, accents and symbols stay allowed.
    for (const name of ['Café', 'Первоисточник', 'مصدر', 'Disputed ✓', '検証済み']) expect(labelProblem(input(name), BUILT_IN_LABELS)).toBeNull();
  });

  it('refuses a name equal to another under NFKC and case folding, saying which one', () => {
    expect(labelProblem(input('CLAIM'), BUILT_IN_LABELS)).toBe('there is already a label named Claim');
    const figure = { id: 'figure', name: 'figure', colour: '#7b1fa2', key: '', builtIn: false };
    expect(labelProblem(input('ﬁgure'), [...BUILT_IN_LABELS, figure])).toBe('there is already a label named figure, which ﬁgure looks the same as');
  });

  it('a real label store keeps names in NFC and refuses every look-alike of the review', () => {
    const dataDir = temp.dir('data');
    const labels = new LabelSettings(dataDir, confStoreFactory);
    const cafe = labels.add(input('Cafe\u0301'));
    expect(cafe.name).toBe('Café');
    expect(cafe.name.length).toBe(4);
    const refused = (name: string) => {
      try {
        labels.add(input(name));
      } catch (error) {
        expect(error).toBeInstanceOf(LabelError);
        return (error as Error).message;
      }
      return null;
    };
    expect(refused('Café')).toBe('there is already a label named Café');
    expect(refused('Claim\u200b')).toMatch(/U\+200B/);
    expect(refused('Source\u200b')).toMatch(/U\+200B/);
    expect(refused('\u202eetouq')).toMatch(/U\+202E/);
    expect(refused('\u200b')).toMatch(/U\+200B/);
    labels.add(input('figure'));
    expect(refused('ﬁgure')).toMatch(/already a label named figure/);
    expect(refused('FIGURE')).toMatch(/already a label named figure/);
    // Renaming is held to the same rules, and stores NFC.
    const other = labels.add(input('Other'));
    expect(() => labels.update(other.id, { name: 'Quote\u200d' })).toThrow(/already a label named Quote, which Quote\u200d looks the same as/);
    expect(labels.update(other.id, { name: 'Ve\u0301rifie\u0301' }).name).toBe('Vérifié');
    expect(new LabelSettings(dataDir, confStoreFactory).all().map((l) => l.name)).toEqual(['Claim', 'Quote', 'Source', 'Café', 'figure', 'Vérifié']);
  });

  it('keeps the joiners words and emoji need, and compares names without what shows nothing', () => {
    // Persian and Sinhala words need the zero-width non-joiner and joiner; emoji sequences the joiner and variation selectors.
    for (const name of ['رسانه\u200cها', 'منبع\u200cها', 'ශ්\u200dරී', '🏳\ufe0f\u200d🌈', '👨\u200d👩\u200d👧']) expect(labelProblem(input(name), BUILT_IN_LABELS), name).toBeNull();
    // Characters that show nothing do not make a name another one.
    for (const name of ['Claim\u034f', 'Claim\ufe0f', 'Cl\ufe00aim', 'Sour\u17b4ce', 'Sour\u1160ce', 'Claim\u3164', 'Source\u2800', 'Cl\u200daim']) {
      expect(labelProblem(input(name), BUILT_IN_LABELS), name).toMatch(/^there is already a label named (Claim|Source), which .* looks the same as$/);
    }
    expect(labelProblem(input('\u034f\u3164'), BUILT_IN_LABELS)).toBe('a label needs a name that shows (this one holds only characters that show nothing)');
  });
});
