import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { sha256 } from '../../app/main/importers/index.js';
import { exportProblems } from '../support/check-export.js';
import { exportJson, setup, tempDir } from '../support/handler-app.js';

const TEXT = 'Budget talks\n\nThe minister said the plan was final.\n\nCritics called it rushed.';

function tempFile(name: string, content: string): string {
  const path = join(tempDir('json'), name);
  writeFileSync(path, content);
  return path;
}

/** An article with two annotations, exported through the real handlers; the export's path and JSON. */
async function annotatedExport() {
  const app = setup();
  const { article } = await app.ok('article:open-dropped', { path: tempFile('budget.txt', TEXT) });
  const claim = await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: 14, end: 50 });
  const source = await app.ok('annotation:create', { articleId: article.id, type: 'source', start: 18, end: 26 });
  const json = await exportJson(app, article.id);
  return { app, article, claim, source, json, path: tempFile('budget.attest.json', JSON.stringify(json)) };
}

suite('reopening an Attest export', () => {
  it('reopens the article from its text, with its annotations at their offsets and ids, once however often it is opened', async () => {
    const { claim, source, json, path } = await annotatedExport();
    const fresh = setup();
    const opened = await fresh.ok('article:open-dropped', { path });
    expect(opened.article.text).toBe(TEXT);
    expect(opened.article.id).toBe(sha256(TEXT));
    expect(opened.article.source).toEqual({ path, sha256: sha256(JSON.stringify(json)), format: 'attest-json' });
    expect(opened.article.blocks.map((b: any) => TEXT.slice(b.start, b.end))).toEqual(['Budget talks', 'The minister said the plan was final.', 'Critics called it rushed.']);
    expect(opened.annotations).toEqual([claim, source]);
    expect(opened.orphans).toEqual([]);
    const twice = await fresh.ok('article:open-dropped', { path });
    expect(twice.annotations.map((a: any) => a.id)).toEqual([claim.id, source.id]);
    const again = await exportJson(fresh, opened.article.id);
    expect(exportProblems(again)).toEqual([]);
    expect(again.annotations).toEqual(json.annotations);
  });

  it('opened where the article is already stored, adds nothing twice', async () => {
    const { app, article, path } = await annotatedExport();
    const opened = await app.ok('article:open-dropped', { path });
    expect(opened.article.id).toBe(article.id);
    expect(opened.annotations).toHaveLength(2);
  });

  it('anchors by the selectors against the text it holds: moved when the text was edited, orphans kept as orphans', async () => {
    const { json, claim } = await annotatedExport();
    json.article.text = `Update: ${json.article.text.replace('said the plan', 'sayd the plan').replace('called it rushed', 'called it hasty')}`;
    json.annotations.push({ id: 'gone', type: 'quote', orphan: true, exact: 'called it rushed', prefix: 'Critics ', suffix: '.', note: 'check', created: claim.created, modified: claim.modified });
    const opened = await setup().ok('article:open-dropped', { path: tempFile('edited.attest.json', JSON.stringify(json)) });
    const text = opened.article.text;
    expect(opened.annotations.map((a: any) => [a.type, text.slice(a.target.position.start, a.target.position.end)])).toEqual([
      ['claim', 'The minister sayd the plan was final'],
      ['source', 'minister'],
    ]);
    expect(opened.orphans).toEqual([
      { id: 'gone', type: 'quote', note: 'check', links: [], created: claim.created, modified: claim.modified, target: { quote: { type: 'TextQuoteSelector', exact: 'called it rushed', prefix: 'Critics ', suffix: '.' } }, reason: 'the quoted text is no longer in the article' },
    ]);
    expect(opened.annotations.map((a: any) => a.target.position.start)).toEqual([22, 26]);
  });

  it('refuses a JSON file that is not an Attest export, and a .json file that is not JSON, naming the file', async () => {
    const app = setup();
    expect(await app.call('article:open-dropped', { path: tempFile('meta.json', '{"title":"x"}') })).toEqual({
      ok: false,
      error: { code: 'unsupported', message: 'meta.json: not an Attest export (format: Invalid input: expected "attest.annotated-article")' },
    });
    const broken = await app.call('article:open-dropped', { path: tempFile('broken.json', '{"format":') });
    expect(broken).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    if (!broken.ok) expect(broken.error.message).toMatch(/^broken\.json: not an Attest export \(not UTF-8 JSON: /);
  });
});
