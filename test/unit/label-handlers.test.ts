import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import type { Label } from '../../app/core/labels.js';
import { exportProblems } from '../support/check-export.js';
import { exportJson, setup, tempDir } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

/** Two articles, each with a span tagged with the custom label Disputed, and one Claim. */
async function twoArticles() {
  const app = setup();
  const labels: Label[] = await app.ok('labels:add', { name: 'Disputed', colour: '#7b1fa2', key: 'd' });
  const alpha = (await app.ok('article:open-dropped', { path: fixture('alpha-beta.txt') })).article;
  const mayor = (await app.ok('article:open-dropped', { path: fixture('attribution.txt') })).article;
  const at = (text: string, s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const beta: Annotation = await app.ok('annotation:create', { articleId: alpha.id, type: 'disputed', start: 6, end: 10 });
  const certain: Annotation = await app.ok('annotation:create', { articleId: mayor.id, type: 'disputed', ...at(mayor.text, 'The council called it certain.') });
  const claim: Annotation = await app.ok('annotation:create', { articleId: mayor.id, type: 'claim', ...at(mayor.text, 'Critics disagree.') });
  return { app, labels, alpha, mayor, beta, certain, claim };
}

/** The annotations of `articleId` in its store file (after a flush). */
function stored(app: ReturnType<typeof setup>, articleId: string): Annotation[] {
  app.repository.flush();
  return JSON.parse(readFileSync(join(app.dataDir, 'articles', `${articleId}.json`), 'utf8')).annotations;
}

/** A fresh data directory (another machine) that imports `file` through `annotations:import`: its app and the import report. */
async function importedElsewhere(file: string) {
  const other = setup();
  other.answers.open.push(file);
  const { report } = await other.ok('annotations:import', { articleId: null });
  return { other, report };
}

suite('custom labels through the IPC handlers', () => {
  it('a custom label tags like a built-in one, in every article, kept in labels.json and in the export', async () => {
    const { app, labels, alpha, beta } = await twoArticles();
    expect(labels.map((l) => l.id)).toEqual(['claim', 'quote', 'source', 'disputed']);
    expect(alpha.text.slice(beta.target.position.start, beta.target.position.end)).toBe(beta.target.quote.exact);
    expect(beta).toMatchObject({ type: 'disputed', target: { quote: { exact: 'beta' } } });
    expect(stored(app, alpha.id).map((a) => a.type)).toEqual(['disputed']);
    expect(JSON.parse(readFileSync(join(app.dataDir, 'labels.json'), 'utf8'))).toEqual({ schemaVersion: 1, labels: [{ id: 'disputed', name: 'Disputed', colour: '#7b1fa2', key: 'd' }] });
    // A new instance over the same data directory has the label.
    expect((await setup(app.dataDir).ok('labels:list', {})).map((l: Label) => l.name)).toEqual(['Claim', 'Quote', 'Source', 'Disputed']);

    const json = await exportJson(app, alpha.id);
    expect(exportProblems(json)).toEqual([]);
    expect(json.labels).toContainEqual({ id: 'disputed', name: 'Disputed', colour: '#7b1fa2' });
    expect(json.annotations.map((a: { type: string; exact: string }) => [a.type, a.exact])).toEqual([['disputed', 'beta']]);
  });

  it('renaming keeps the id, so annotations and exports follow the new name', async () => {
    const { app, alpha } = await twoArticles();
    await app.ok('labels:update', { id: 'disputed', patch: { name: 'Contested', colour: '#00838F' } });
    const json = await exportJson(app, alpha.id);
    expect(json.labels).toContainEqual({ id: 'disputed', name: 'Contested', colour: '#00838f' });
    expect(json.annotations[0].type).toBe('disputed');
  });

  it('refuses unknown labels, bad input and changes to built-ins, with the reason', async () => {
    const { app, alpha } = await twoArticles();
    const refused = async (channel: string, payload: unknown) => {
      const result = await app.call(channel, payload);
      expect(result.ok).toBe(false);
      return result.ok ? null : result.error;
    };
    expect(await refused('annotation:create', { articleId: alpha.id, type: 'rumour', start: 0, end: 5 })).toEqual({ code: 'invalid-request', message: 'there is no label rumour' });
    expect((await refused('annotation:create', { articleId: alpha.id, type: 'Not an id!', start: 0, end: 5 }))?.code).toBe('invalid-request');
    expect(await refused('labels:add', { name: 'Rumour', colour: '#000000', key: 'd' })).toEqual({ code: 'invalid-request', message: 'the key D already tags Disputed' });
    expect((await refused('labels:update', { id: 'claim', patch: { name: 'Assertion' } }))?.message).toMatch(/built-in/);
    expect((await refused('labels:remove', { id: 'source' }))?.message).toMatch(/built-in/);
    const beta = stored(app, alpha.id)[0];
    expect(await refused('annotation:update', { articleId: alpha.id, id: beta.id, patch: { type: 'rumour' } })).toEqual({ code: 'invalid-request', message: 'there is no label rumour' });
  });

  it('removing a label that annotations use asks first, then retypes them in every article', async () => {
    const { app, alpha, mayor, certain, claim } = await twoArticles();
    expect(await app.ok('labels:usage', { id: 'disputed' })).toEqual({ annotations: 2, articles: 2 });
    const refused = await app.call('labels:remove', { id: 'disputed' });
    expect(refused).toEqual({ ok: false, error: { code: 'invalid-request', message: '2 annotation(s) in 2 article(s) use Disputed: say whether to retype them or delete them' } });
    expect(stored(app, alpha.id).map((a) => a.type)).toEqual(['disputed']);

    const done = await app.ok('labels:remove', { id: 'disputed', articleId: mayor.id, annotations: { action: 'retype', to: 'claim' } });
    expect(done).toMatchObject({ changed: 2, articles: 2 });
    expect(done.labels.map((l: Label) => l.id)).toEqual(['claim', 'quote', 'source']);
    expect(done.current.annotations.map((a: Annotation) => [a.id, a.type])).toEqual([[certain.id, 'claim'], [claim.id, 'claim']]);
    expect(stored(app, alpha.id).map((a) => [a.type, a.target.quote.exact])).toEqual([['claim', 'beta']]);
    expect(JSON.parse(readFileSync(join(app.dataDir, 'labels.json'), 'utf8')).labels).toEqual([]);
  });

  it('retyping onto a span that has the new label already merges the two: the note added, the attribution kept, one annotation', async () => {
    const { app, mayor, certain } = await twoArticles();
    const at = (s: string) => ({ start: mayor.text.indexOf(s), end: mayor.text.indexOf(s) + s.length });
    const claim: Annotation = await app.ok('annotation:create', { articleId: mayor.id, type: 'claim', ...at('The council called it certain.') });
    await app.ok('annotation:update', { articleId: mayor.id, id: claim.id, patch: { note: 'from the minutes' } });
    await app.ok('annotation:update', { articleId: mayor.id, id: certain.id, patch: { note: 'disputed by critics' } });
    const source: Annotation = await app.ok('annotation:create', { articleId: mayor.id, type: 'source', ...at('Critics') });
    await app.ok('annotation:update', { articleId: mayor.id, id: claim.id, patch: { links: [{ type: 'attributedTo', target: source.id }] } });

    const done = await app.ok('labels:remove', { id: 'disputed', articleId: mayor.id, annotations: { action: 'retype', to: 'claim' } });
    expect(done).toMatchObject({ changed: 2, articles: 2 });
    const claims = stored(app, mayor.id).filter((a) => a.type === 'claim' && a.target.quote.exact === 'The council called it certain.');
    expect(claims.map((a) => [a.id, a.note, a.links])).toEqual([[claim.id, 'from the minutes\n\ndisputed by critics', [{ type: 'attributedTo', target: source.id }]]]);
    expect(stored(app, mayor.id).map((a) => a.id)).not.toContain(certain.id);
  });

  it('removing with delete takes the annotations out and drops the undo steps that would bring the label back', async () => {
    const { app, alpha, mayor, claim } = await twoArticles();
    await app.ok('labels:remove', { id: 'disputed', annotations: { action: 'delete' } });
    expect(stored(app, alpha.id)).toEqual([]);
    expect(stored(app, mayor.id).map((a) => a.id)).toEqual([claim.id]);
    // Undo in either article cannot recreate an annotation of the removed label.
    expect((await app.ok('annotation:undo', { articleId: alpha.id })).applied).toBeNull();
    expect((await app.ok('annotation:undo', { articleId: mayor.id })).applied).toBeNull();
    expect(stored(app, mayor.id).map((a) => a.id)).toEqual([claim.id]);
  });

  it('a label nobody uses is removed without an answer', async () => {
    const app = setup();
    await app.ok('labels:add', { name: 'Figure', colour: '#00838f', key: '1' });
    expect(await app.ok('labels:remove', { id: 'figure' })).toEqual({ labels: expect.any(Array), changed: 0, articles: 0, current: null });
  });

  it('importing an export from another machine brings its custom labels', async () => {
    const { app, alpha } = await twoArticles();
    const json = await exportJson(app, alpha.id);
    const file = join(tempDir('import'), 'from-elsewhere.json');
    writeFileSync(file, JSON.stringify(json));
    const { other, report } = await importedElsewhere(file);
    expect(report).toMatchObject({ imported: 1, skipped: [] });
    expect(await other.ok('labels:list', {})).toContainEqual({ id: 'disputed', name: 'Disputed', colour: '#7b1fa2', key: '', builtIn: false });
    const [entry] = report.articles;
    expect(stored(other, entry.id).map((a) => [a.type, a.target.quote.exact])).toEqual([['disputed', 'beta']]);
  });

  it('a library export brings its labels too, with their names and colours', async () => {
    const { app, alpha } = await twoArticles();
    const file = join(tempDir('library-import'), 'library.json');
    app.answers.save.push(file);
    await app.ok('article:export', { articleId: alpha.id, scope: 'library' });
    expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('attest.annotated-library');
    const { other, report } = await importedElsewhere(file);
    expect(report).toMatchObject({ imported: 3, skipped: [] });
    expect(await other.ok('labels:list', {})).toContainEqual({ id: 'disputed', name: 'Disputed', colour: '#7b1fa2', key: '', builtIn: false });
  });

  it('an imported article cannot make main read the path its export names until the analyst opens that file', async () => {
    const { app, alpha } = await twoArticles();
    const json = await exportJson(app, alpha.id);
    const file = join(tempDir('foreign'), 'alpha.attest.json');
    writeFileSync(file, JSON.stringify(json));
    const { other } = await importedElsewhere(file);
    expect(other.repository.get(alpha.id)?.article.source.path).toBe(fixture('alpha-beta.txt'));
    const refused = await other.call('article:reopen-with-encoding', { articleId: alpha.id, encoding: 'UTF-8' });
    expect(refused).toEqual({ ok: false, error: { code: 'forbidden', message: `${fixture('alpha-beta.txt')} has not been opened here: open the file itself first` } });
    // Once the analyst opens the file, it may be read again in another encoding.
    await other.ok('article:open-dropped', { path: fixture('alpha-beta.txt') });
    expect((await other.ok('article:reopen-with-encoding', { articleId: alpha.id, encoding: 'UTF-8' })).article.id).toBe(alpha.id);
  });
});
