import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { isDamageNotice } from '../../app/main/library/unsaved-records.js';
import { exportJson, setup, tempDir } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '..', 'fixtures', name);
const ids = (list: readonly { id: string }[]) => list.map((a) => a.id);

/**
 * What a second process reads for `articleId` from `dataDir` as it is on disk now, as if the
 * first were killed (no flush, no close): opened on a copy, so the first goes on unaffected.
 */
function afterKill(dataDir: string, articleId: string) {
  const copy = tempDir('killed');
  cpSync(dataDir, copy, { recursive: true });
  const app = setup(copy);
  const record = app.repository.get(articleId);
  return { app, record, notices: app.repository.notices };
}

/** Opens attribution.txt and tags three spans; nothing is flushed. */
async function tagged() {
  const app = setup();
  const { article } = await app.ok('article:open-dropped', { path: fixture('attribution.txt') });
  const at = (s: string) => ({ start: article.text.indexOf(s), end: article.text.indexOf(s) + s.length });
  const first: Annotation = await app.ok('annotation:create', { articleId: article.id, type: 'claim', ...at('The council called it certain.') });
  const second: Annotation = await app.ok('annotation:create', { articleId: article.id, type: 'source', ...at('Critics') });
  const third: Annotation = await app.ok('annotation:create', { articleId: article.id, type: 'quote', ...at('disagree') });
  return { app, article, at, first, second, third };
}

suite('the article journal: a change main answered survives a kill before the record is written', () => {
  it('a delete replayed from the journal is noted in the record’s deleted ids, as one written with the record is', async () => {
    const { app, article, second } = await tagged();
    await app.ok('annotation:delete', { articleId: article.id, id: second.id });
    const { record } = afterKill(app.dataDir, article.id);
    expect(ids(record!.annotations)).not.toContain(second.id);
    expect(ids(record!.deleted ?? [])).toEqual([second.id]);
  });

  it('tags, a note, a delete, an undo and a redo, none flushed: a second repository on the data directory finds each', async () => {
    const { app, article, first, second, third } = await tagged();
    const file = join(app.dataDir, 'articles', `${article.id}.json`);
    // Only the new record was written, with no annotations; the tags are in the journal alone.
    expect(JSON.parse(readFileSync(file, 'utf8')).annotations).toEqual([]);
    expect(existsSync(join(app.dataDir, 'articles', `${article.id}.journal`))).toBe(true);
    expect(ids(afterKill(app.dataDir, article.id).record!.annotations)).toEqual([first.id, second.id, third.id]);

    const noted = await app.ok('annotation:update', { articleId: article.id, id: first.id, patch: { note: 'checked against the minutes' } });
    expect(noted.annotation.note).toBe('checked against the minutes');
    await app.ok('annotation:delete', { articleId: article.id, id: second.id });
    let seen = afterKill(app.dataDir, article.id);
    expect(seen.record!.annotations.map((a) => [a.id, a.note])).toEqual([[first.id, 'checked against the minutes'], [third.id, '']]);

    expect((await app.ok('annotation:undo', { articleId: article.id })).applied).toBe('Delete annotation');
    expect(ids(afterKill(app.dataDir, article.id).record!.annotations).sort()).toEqual([first.id, second.id, third.id].sort());
    expect((await app.ok('annotation:redo', { articleId: article.id })).applied).toBe('Delete annotation');
    seen = afterKill(app.dataDir, article.id);
    expect(ids(seen.record!.annotations)).toEqual([first.id, third.id]);
    expect(seen.notices).toEqual([]);
    // What the reopened app answers the renderer: the same.
    expect(ids((await seen.app.ok('article:open-dropped', { path: fixture('attribution.txt') })).annotations)).toEqual([first.id, third.id]);
  });

  it('an import and a label removal, none flushed, are found too', async () => {
    const { app, article, first } = await tagged();
    app.repository.flush();
    const exported = await exportJson(app, article.id);
    // Another data directory imports the export (its article is stored by the import).
    const other = setup();
    const out = join(other.dataDir, '..', 'export.json');
    writeFileSync(out, JSON.stringify(exported));
    other.answers.open.push(out);
    const { report } = await other.ok('annotations:import', { articleId: null });
    expect(report.imported).toBe(3);
    expect(ids(afterKill(other.dataDir, article.id).record!.annotations).sort()).toEqual(ids(exported.annotations).sort());

    await app.ok('labels:add', { name: 'Disputed', colour: '#7b1fa2', key: 'd' });
    await app.ok('annotation:update', { articleId: article.id, id: first.id, patch: { type: 'disputed' } });
    await app.ok('labels:remove', { id: 'disputed', annotations: { action: 'delete' } });
    expect(ids(afterKill(app.dataDir, article.id).record!.annotations)).not.toContain(first.id);
  });

  it('replaying a journal the record already holds (killed between the record write and the journal removal) changes nothing', async () => {
    const { app, article, first, second, third } = await tagged();
    const journal = join(app.dataDir, 'articles', `${article.id}.journal`);
    const lines = readFileSync(journal, 'utf8');
    app.repository.flush();
    expect(existsSync(journal)).toBe(false);
    writeFileSync(journal, lines);
    const seen = afterKill(app.dataDir, article.id);
    expect(ids(seen.record!.annotations)).toEqual([first.id, second.id, third.id]);
    expect(seen.notices).toEqual([]);
    expect(existsSync(join(seen.app.dataDir, 'articles', `${article.id}.journal`))).toBe(false);
  });

  it('a last line cut short by a crash is ignored, with no notice', async () => {
    const { app, article, first, second, third } = await tagged();
    const journal = join(app.dataDir, 'articles', `${article.id}.journal`);
    appendFileSync(journal, '{"changes":[{"id":"cut","after":{"id":"cu');
    const seen = afterKill(app.dataDir, article.id);
    expect(ids(seen.record!.annotations)).toEqual([first.id, second.id, third.id]);
    expect(seen.notices).toEqual([]);
  });

  it('a damaged line before the last: the lines before it applied, the journal moved aside (kept) and the analyst told', async () => {
    const { app, article, first, second } = await tagged();
    const journal = join(app.dataDir, 'articles', `${article.id}.journal`);
    const lines = readFileSync(journal, 'utf8').split('\n');
    lines[2] = lines[2].slice(0, 20);
    const damaged = [...lines.slice(0, 3), '{"changes":[]}', ''].join('\n');
    writeFileSync(journal, damaged);
    const seen = afterKill(app.dataDir, article.id);
    expect(ids(seen.record!.annotations)).toEqual([first.id, second.id]);
    const file = join(seen.app.dataDir, 'articles', `${article.id}.json`);
    const kept = join(seen.app.dataDir, 'articles', `${article.id}.journal`);
    expect(seen.notices).toEqual([{ path: kept, reason: expect.stringMatching(/^line 3 cannot be read \(.*\); the 2 change\(s\) before it were applied$/), movedTo: expect.stringMatching(/\.journal\.damaged-/), restoredFrom: file }]);
    expect(readFileSync(seen.notices.filter(isDamageNotice)[0].movedTo, 'utf8')).toBe(damaged);
    expect(existsSync(kept)).toBe(false);
    expect(await seen.app.ok('session:notices', {})).toHaveLength(1);
  });

  it('a record found damaged and restored from its .bak gets back the changes its last write took in (the previous journal), then the journal’s', async () => {
    const { app, article, first, second, third } = await tagged();
    app.repository.flush(); // the record holds first, second, third; its .bak the record before them (none)
    const noted = await app.ok('annotation:update', { articleId: article.id, id: first.id, patch: { note: 'written after the flush' } });
    app.repository.flush(); // the record: the note too; its .bak: the three tags; the journal kept as .prev: the note
    await app.ok('annotation:delete', { articleId: article.id, id: third.id }); // in the journal only
    const file = join(app.dataDir, 'articles', `${article.id}.json`);
    writeFileSync(file, '{"schemaVersion": 2, "article": {');
    const seen = afterKill(app.dataDir, article.id);
    expect(seen.notices).toEqual([expect.objectContaining({ path: join(seen.app.dataDir, 'articles', `${article.id}.json`), restoredFrom: expect.stringMatching(/\.bak$/) })]);
    expect(seen.record!.annotations.map((a) => [a.id, a.note])).toEqual([[first.id, noted.annotation.note], [second.id, '']]);
    // And that state is what the .bak and the previous journal hold from now on: damaged again, it comes back whole.
    seen.app.repository.flush();
    writeFileSync(join(seen.app.dataDir, 'articles', `${article.id}.json`), '{');
    const again = afterKill(seen.app.dataDir, article.id);
    expect(again.record!.annotations.map((a) => [a.id, a.note])).toEqual([[first.id, noted.annotation.note], [second.id, '']]);
  });

  it('a journal whose record is gone (damaged, no good copy) is moved aside with a notice, and the article starts again', async () => {
    const { app, article } = await tagged();
    writeFileSync(join(app.dataDir, 'articles', `${article.id}.json`), '{"schemaVersion": 2, "article": {');
    const seen = afterKill(app.dataDir, article.id);
    expect(seen.record).toBeNull();
    const file = join(seen.app.dataDir, 'articles', `${article.id}.json`);
    const journal = join(seen.app.dataDir, 'articles', `${article.id}.journal`);
    expect(seen.notices).toEqual([
      expect.objectContaining({ path: file, restoredFrom: null }),
      expect.objectContaining({ path: journal, reason: 'the article record it changes could not be read', restoredFrom: null }),
    ]);
    expect(readdirSync(join(seen.app.dataDir, 'articles')).filter((n) => n.includes('.journal.damaged-'))).toHaveLength(1);
    expect(existsSync(journal)).toBe(false);
  });
});
