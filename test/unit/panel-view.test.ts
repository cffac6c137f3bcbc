import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { ALL, countsByType, panelRowsFor } from '../../renderer/src/components/panel-view.js';

const ann = (id: string, type: Annotation['type'], exact: string, note: string, created: string) => ({ id, type, note, created, target: { quote: { exact } } }) as Annotation;
const list = [ann('a', 'quote', 'We will WIN', '', '2026-01-01T00:00:03Z'), ann('b', 'source', 'Mayor Roe', 'elected 2020', '2026-01-01T00:00:01Z'), ann('c', 'claim', 'certain', 'check budget', '2026-01-01T00:00:02Z')];
const ids = (rows: readonly Annotation[]) => rows.map((a) => a.id);

suite('panel rows', () => {
  it('everything in document order by default, the same array', () => {
    expect(panelRowsFor(list, ALL)).toBe(list);
  });

  it('filters by text in quotes and notes, without regard to case', () => {
    expect(ids(panelRowsFor(list, { ...ALL, text: 'win' }))).toEqual(['a']);
    expect(ids(panelRowsFor(list, { ...ALL, text: ' BUDGET ' }))).toEqual(['c']);
    expect(ids(panelRowsFor(list, { ...ALL, text: '20' }))).toEqual(['b']);
    expect(ids(panelRowsFor(list, { ...ALL, text: 'nothing' }))).toEqual([]);
  });

  it('filters by types, and by types and text together', () => {
    expect(ids(panelRowsFor(list, { ...ALL, types: ['quote', 'claim'] }))).toEqual(['a', 'c']);
    expect(ids(panelRowsFor(list, { ...ALL, types: ['quote', 'claim'], text: 'check' }))).toEqual(['c']);
  });

  it('sorts newest first by creation time', () => {
    expect(ids(panelRowsFor(list, { ...ALL, sort: 'newest' }))).toEqual(['a', 'c', 'b']);
  });

  it('counts per type', () => {
    expect(Object.fromEntries(countsByType([...list, list[0]]))).toEqual({ claim: 1, quote: 2, source: 1 });
  });

  it('filters by text as Find matches: composed or decomposed accents, quote forms, line breaks as spaces', () => {
    const rows = [ann('a', 'quote', 'Cafe\u0301 owners', 'Line1\nLine2', '1'), ann('b', 'claim', 'It was "unclear"', '', '2'), ann('c', 'claim', 'Other', '', '3')];
    const ids = (text: string) => panelRowsFor(rows, { ...ALL, text }).map((a) => a.id);
    expect(ids('Café')).toEqual(['a']);
    expect(ids('“unclear”')).toEqual(['b']);
    expect(ids('line1 line2')).toEqual(['a']);
    expect(ids('   ')).toEqual(['a', 'b', 'c']);
  });
});
