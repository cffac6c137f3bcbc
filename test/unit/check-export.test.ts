import { describe as suite, expect, it } from 'vitest';
import { exportProblems } from '../support/check-export.js';

// The checker the other tests rely on must itself catch broken exports.
const good = {
  format: 'attest.annotated-article',
  version: 1,
  generator: { name: 'Attest', version: 't' },
  exported: '2026-01-01T00:00:00.000Z',
  article: { id: 'a'.repeat(64), title: 't', byline: null, siteName: null, publishedTime: null, lang: null, dir: null, source: { path: '/x.txt', sha256: 'b'.repeat(64), format: 'txt' }, text: 'Wow 😀 the CLAIM' },
  annotations: [{ id: '1', type: 'claim', start: 11, end: 16, startCodePoint: 10, endCodePoint: 15, exact: 'CLAIM', prefix: 'Wow 😀 the ', suffix: '', note: '', created: '2026-01-01T00:00:00.000Z', modified: '2026-01-01T00:00:00.000Z' }],
};

suite('exportProblems', () => {
  it('accepts a correct export', () => expect(exportProblems(good)).toEqual([]));
  it('catches a shifted span', () => {
    const bad = structuredClone(good);
    bad.annotations[0].start = 10;
    expect(exportProblems(bad)).toContain('1: text.slice(10, 16) !== exact');
  });
  it('catches code points counted as UTF-16', () => {
    const bad = structuredClone(good);
    bad.annotations[0].startCodePoint = 11;
    bad.annotations[0].endCodePoint = 16;
    expect(exportProblems(bad)).toContain('1: code-point offsets disagree');
  });
  it('catches a schema violation', () => {
    const bad = structuredClone(good) as any;
    bad.annotations[0].type = '';
    expect(exportProblems(bad)[0]).toMatch(/^schema: \/annotations\/0\/type/);
  });
  it('catches a type that is not one of the export\'s labels', () => {
    const bad = { ...structuredClone(good), labels: [{ id: 'claim', name: 'Claim', colour: '#a76b00' }] } as any;
    expect(exportProblems(bad)).toEqual([]);
    bad.annotations[0].type = 'opinion';
    expect(exportProblems(bad)).toEqual(['1: type opinion is not one of the labels']);
  });
  it('accepts an orphan without offsets, refuses one with them, and refuses a placed one without them', () => {
    const { start: _s, end: _e, startCodePoint: _sc, endCodePoint: _ec, ...quoteOnly } = good.annotations[0];
    const orphan = structuredClone(good) as any;
    orphan.annotations[0] = { ...quoteOnly, orphan: true };
    expect(exportProblems(orphan)).toEqual([]);
    const withOffsets = structuredClone(good) as any;
    withOffsets.annotations[0].orphan = true;
    expect(exportProblems(withOffsets).join('\n')).toMatch(/schema: \/annotations\/0/);
    const placedWithout = structuredClone(good) as any;
    placedWithout.annotations[0] = { ...quoteOnly, orphan: false };
    expect(exportProblems(placedWithout).join('\n')).toMatch(/must have required property 'start'/);
  });
});
