import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { BUILT_IN_HIGHLIGHTS, customHighlight, readableOn, THEME_COLOURS } from '../../app/core/highlight-palette.js';
import { contrastRatio, parseHex } from '../../app/core/colour.js';
import { BUILT_IN_LABELS, LABEL_ID_PATTERN, labelProblem, newLabelId } from '../../app/core/labels.js';
import { LabelError, LabelSettings } from '../../app/main/labels/label-settings.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { isDamageNotice } from '../../app/main/library/unsaved-records.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { labelStyleRules } from '../../renderer/src/editor/label-styles.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('labels');
const input = (name: string, key = '', colour = '#7b1fa2') => ({ name, colour, key });

suite('label rules (core)', () => {
  it('accepts a new name, colour and free key; says why otherwise', () => {
    expect(labelProblem(input('Disputed', 'd'), BUILT_IN_LABELS)).toBeNull();
    expect(labelProblem(input('Disputed', ''), BUILT_IN_LABELS)).toBeNull();
    expect(labelProblem(input('claim', 'd'), BUILT_IN_LABELS)).toBe('there is already a label named Claim');
    expect(labelProblem(input('', 'd'), BUILT_IN_LABELS)).toMatch(/needs a name/);
    expect(labelProblem(input(' Disputed', 'd'), BUILT_IN_LABELS)).toMatch(/needs a name/);
    expect(labelProblem(input('x'.repeat(41)), BUILT_IN_LABELS)).toMatch(/at most 40/);
    expect(labelProblem(input('Disputed', 'q'), BUILT_IN_LABELS)).toBe('the key Q already tags Quote');
    expect(labelProblem(input('Disputed', 'n'), BUILT_IN_LABELS)).toMatch(/taken by the reader/);
    expect(labelProblem(input('Disputed', 'D'), BUILT_IN_LABELS)).toMatch(/one letter a–z or one digit/);
    expect(labelProblem(input('Disputed', 'd', 'purple'), BUILT_IN_LABELS)).toMatch(/not a colour/);
  });

  it('makes ids from names: ASCII slug, never a built-in or highlight class, unique', () => {
    expect(newLabelId('Disputed', [])).toBe('disputed');
    expect(newLabelId('Réfuté par l’AFP', [])).toBe('refute-par-l-afp');
    expect(newLabelId('Selected', [])).toBe('selected-2');
    expect(newLabelId('Claim', ['claim'])).toBe('claim-2');
    expect(newLabelId('Disputed', ['disputed', 'disputed-2'])).toBe('disputed-3');
    expect(newLabelId('Первоисточник', [])).toBe('label');
    expect(newLabelId('2024 figures', [])).toBe('figures');
    for (const name of ['Disputed', 'Réfuté', 'Первоисточник', '2024', '---', 'a'.repeat(80)]) expect(newLabelId(name, [])).toMatch(LABEL_ID_PATTERN);
  });
});

suite('highlight colours of custom labels', () => {
  const css = readFileSync(join(import.meta.dirname, '../../renderer/src/styles.css'), 'utf8');
  const light = css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)'));
  const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
  const variable = (block: string, name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]+)`, 'i').exec(block)?.[1];

  it('the palette in core is the stylesheet', () => {
    for (const [theme, block] of [['light', light], ['dark', dark]] as const) {
      expect(variable(block, 'bg')).toBe(THEME_COLOURS[theme].bg);
      expect(variable(block, 'fg')).toBe(THEME_COLOURS[theme].fg);
      for (const type of ['claim', 'quote', 'source'] as const) expect(variable(block, type)).toBe(BUILT_IN_HIGHLIGHTS[theme][type]);
    }
  });

  // Every colour a colour picker could give, coarsely: 4 steps per channel, and the extremes.
  const steps = [0x00, 0x55, 0xaa, 0xff];
  const colours = steps.flatMap((r) => steps.flatMap((g) => steps.map((b) => `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`)));
  it.each(['light', 'dark'] as const)('%s theme: text stays AA on any colour, alone, doubled or over a built-in; the line has 3:1', (theme) => {
    for (const colour of colours) {
      const { background, line } = customHighlight(colour, theme);
      expect(readableOn(background, theme), `${colour} → ${background}`).toBe(true);
      expect(contrastRatio(parseHex(line), parseHex(THEME_COLOURS[theme].bg)), `${colour} line ${line}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('a white highlight in the dark theme is made fainter than a saturated one, and one that would hide text is refused by readableOn', () => {
    expect(readableOn('#ffffff80', 'dark')).toBe(false);
    const alpha = (hex: string) => parseInt(hex.slice(7, 9), 16);
    expect(alpha(customHighlight('#ffffff', 'dark').background)).toBeLessThan(alpha(customHighlight('#7b1fa2', 'dark').background));
  });

  it('writes one rule per custom label and theme, none for the built-ins', () => {
    const rules = labelStyleRules([...BUILT_IN_LABELS, { id: 'disputed', name: 'Disputed', colour: '#7b1fa2', key: 'd', builtIn: false }]);
    expect(rules.match(/\.hl-disputed \{/g)).toHaveLength(2);
    expect(rules).not.toMatch(/hl-claim/);
    expect(rules).toContain(`.hl-disputed { background: ${customHighlight('#7b1fa2', 'light').background};`);
    expect(labelStyleRules(BUILT_IN_LABELS)).toBe('');
  });
});

suite('label settings (conf store on a temp directory)', () => {
  it('adds, changes and removes labels of the analyst’s own, kept across instances; built-ins stay', () => {
    const dir = temp.dir('settings');
    const settings = new LabelSettings(dir, confStoreFactory);
    const disputed = settings.add(input('Disputed', 'd', '#7B1FA2'));
    expect(disputed).toEqual({ id: 'disputed', name: 'Disputed', colour: '#7b1fa2', key: 'd', builtIn: false });
    settings.add(input('Figure', '1', '#00838f'));
    settings.update('disputed', { name: 'Contested', key: 'x' });
    const again = new LabelSettings(dir, confStoreFactory);
    expect(again.all().map((l) => [l.id, l.name, l.key])).toEqual([['claim', 'Claim', 'c'], ['quote', 'Quote', 'q'], ['source', 'Source', 's'], ['disputed', 'Contested', 'x'], ['figure', 'Figure', '1']]);
    again.remove('figure');
    expect(new LabelSettings(dir, confStoreFactory).all().map((l) => l.id)).toEqual(['claim', 'quote', 'source', 'disputed']);
    expect(() => again.update('claim', { name: 'Assertion' })).toThrow(LabelError);
    expect(() => again.remove('quote')).toThrow(/built-in/);
    expect(() => again.add(input('Other', 'x'))).toThrow('the key X already tags Contested');
    expect(() => again.update('disputed', { name: 'Source' })).toThrow('there is already a label named Source');
  });

  it('a damaged labels file is moved aside and its last good copy restored, never reset silently', () => {
    const dir = temp.dir('damaged');
    const first = new ArticleRepository(dir, confStoreFactory, 10);
    first.labels.add(input('Disputed', 'd'));
    first.labels.add(input('Figure', '1'));
    writeFileSync(join(dir, 'labels.json'), '{"schemaVersion": 1, "labels": [{"id": "Claim!"');
    const repository = new ArticleRepository(dir, confStoreFactory, 10);
    expect(repository.notices).toHaveLength(1);
    const [notice] = repository.notices.filter(isDamageNotice);
    expect(notice).toMatchObject({ path: join(dir, 'labels.json') });
    expect(readFileSync(notice.movedTo, 'utf8')).toContain('"Claim!"');
    // The last good copy: the labels as they were before the last write.
    expect(notice.restoredFrom).toBe(join(dir, 'labels.json.bak'));
    expect(repository.labels.all().map((l) => l.id)).toEqual(['claim', 'quote', 'source', 'disputed']);
  });
});
