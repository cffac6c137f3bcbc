import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import type { Annotation } from '../../app/core/annotation.js';
import { cutNote } from '../../app/core/formats/import-checks.js';
import { NOTE_MAX_LENGTH } from '../../app/core/ipc.js';
import { exportText, type ExportRecord } from '../../app/main/exporters/export-records.js';
import { importFile } from '../../app/main/importers/index.js';
import { GOLDEN_META } from '../support/interchange-fixture.js';
import { setup, tempDir } from '../support/handler-app.js';
import { tempRoot } from '../support/temp.js';

/**
 * A note longer than `NOTE_MAX_LENGTH` in an import file (reviewer 10, item 7) is stored cut to
 * the limit at a whole character and listed in the report with its id and length (the whole note
 * stays in the import file), so that the note shown is the note stored and edits to it are saved.
 */

const temp = tempRoot('import-long-note');
const TEXT = 'Officials confirmed the figures on Monday.';
const ID = '6b2c3d4e-0000-4000-8000-000000000001';
const LONG = 'x'.repeat(150_000);
/** A note whose character at the limit is an emoji (two UTF-16 code units, 99,999 and 100,000). */
const STRADDLING = `${'y'.repeat(NOTE_MAX_LENGTH - 1)}😀${'z'.repeat(10)}`;

async function recordWithNote(name: string, note: string): Promise<{ path: string; record: ExportRecord }> {
  const path = temp.write(`${name}.txt`, TEXT);
  const article = await importFile(path);
  const start = article.text.indexOf('the figures');
  const annotation: Annotation = { id: ID, type: 'claim', target: describe(article.text, start, start + 'the figures'.length), note, links: [], created: '2026-01-01T09:00:00.000Z', modified: '2026-01-01T09:00:00.000Z' };
  return { path, record: { article, annotations: [annotation], orphans: [] } };
}

suite('an imported note over the limit', () => {
  it('cutNote keeps whole characters and says what it kept', () => {
    expect(cutNote('short')).toEqual({ note: 'short', reason: null });
    expect(cutNote('x'.repeat(NOTE_MAX_LENGTH)).reason).toBeNull();
    expect(cutNote(LONG)).toEqual({
      note: 'x'.repeat(NOTE_MAX_LENGTH),
      reason: 'its note has 150,000 characters and a note holds at most 100,000: its first 100,000 were kept, the whole note is still in the import file',
    });
    const cut = cutNote(STRADDLING);
    expect(cut.note).toBe('y'.repeat(NOTE_MAX_LENGTH - 1));
    expect(cut.reason).toMatch(/its first 99,999 were kept/);
  });

  it('Import… (JSON) stores the note cut, reports it by id and length, and an edit to the stored note is saved', async () => {
    const { record } = await recordWithNote('json', LONG);
    const app = setup();
    app.answers.open.push(temp.write('long.json', exportText([record], 'json', GOLDEN_META)));
    const { report } = await app.ok('annotations:import', { articleId: null });
    expect(report.imported).toBe(1);
    expect(report.changed).toEqual([{ id: ID, reason: 'its note has 150,000 characters and a note holds at most 100,000: its first 100,000 were kept, the whole note is still in the import file' }]);
    const stored = app.repository.get(record.article.id)!.annotations[0];
    expect(stored.note).toBe('x'.repeat(NOTE_MAX_LENGTH));
    // What the review saw fail without a word: deleting two characters is now saved.
    await app.ok('annotation:update', { articleId: record.article.id, id: ID, patch: { note: stored.note.slice(2) } });
    expect(app.repository.get(record.article.id)!.annotations[0].note).toHaveLength(NOTE_MAX_LENGTH - 2);
  });

  it('W3C import and Open of an export (.json) cut the note the same way, never inside a character', async () => {
    const { path, record } = await recordWithNote('w3c', STRADDLING);
    const app = setup();
    await app.ok('article:open-dropped', { path });
    app.answers.open.push(temp.write('long.jsonld', exportText([record], 'w3c', GOLDEN_META)));
    const { report } = await app.ok('annotations:import', { articleId: record.article.id });
    expect(report.changed.map((c: { id: string }) => c.id)).toEqual([ID]);
    expect(app.repository.get(record.article.id)!.annotations[0].note).toBe('y'.repeat(NOTE_MAX_LENGTH - 1));

    const other = setup(tempDir('open'));
    const opened = await other.ok('article:open-dropped', { path: temp.write('open-long.json', exportText([record], 'json', GOLDEN_META)) });
    expect(opened.annotations.map((a: Annotation) => a.note.length)).toEqual([NOTE_MAX_LENGTH - 1]);
    expect(opened.notice).toContain(`${ID}: its note has`);
  });
});
