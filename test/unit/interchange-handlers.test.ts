import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { exportProblems } from '../support/check-export.js';
import { setup, tempDir } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

suite('article:export with a format and a scope; annotations:import', () => {
  it('exports the open article or the whole library in each format', async () => {
    const app = setup();
    const emoji = await app.ok('article:open-dropped', { path: fixture('emoji.txt') });
    await app.ok('article:open-dropped', { path: fixture('nbsp.txt') });
    const claim = emoji.article.text.indexOf('CLAIM');
    await app.ok('annotation:create', { articleId: emoji.article.id, type: 'claim', start: claim, end: claim + 5 });
    const out = tempDir('exports');
    const exportTo = async (name: string, format: string, scope: string) => {
      app.answers.save.push(join(out, name));
      expect(await app.ok('article:export', { articleId: emoji.article.id, format, scope })).toEqual({ path: join(out, name) });
      return join(out, name);
    };
    const library = JSON.parse(readFileSync(await exportTo('library.json', 'json', 'library'), 'utf8'));
    expect(exportProblems(library)).toEqual([]);
    expect(library.articles).toHaveLength(2);
    const w3c = JSON.parse(readFileSync(await exportTo('one.jsonld', 'w3c', 'article'), 'utf8'));
    expect(w3c.first.items.map((a: any) => a.target.selector[1])).toEqual([{ type: 'TextPositionSelector', start: 10, end: 15, startUtf16: 11, endUtf16: 16 }]);
    expect(readFileSync(await exportTo('one.csv', 'csv', 'article'), 'utf8')).toMatch(/^\uFEFFarticle title,/);
    expect(readdirSync(await exportTo('lib.brat', 'brat', 'library'))).toHaveLength(6);
    // Without format and scope: annotated JSON of the article, as before.
    app.answers.save.push(join(out, 'plain.json'));
    await app.ok('article:export', { articleId: emoji.article.id });
    expect(JSON.parse(readFileSync(join(out, 'plain.json'), 'utf8')).format).toBe('attest.annotated-article');
    expect((await app.call('article:export', { articleId: emoji.article.id, format: 'pdf' })).ok).toBe(false);
  });

  it('imports a file the analyst chooses into the open article and answers the report and the article', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('emoji.txt') });
    const file = join(tempDir('w3c'), 'model.jsonld');
    writeFileSync(file, JSON.stringify({ type: 'Annotation', id: 'urn:uuid:00000000-0000-4000-8000-0000000000c1', motivation: 'classifying', body: { type: 'TextualBody', purpose: 'tagging', value: 'Claim' }, target: { source: 'https://example.invalid/a', selector: { type: 'TextQuoteSelector', exact: 'CLAIM' } } }));
    app.answers.open.push(file);
    const result = await app.ok('annotations:import', { articleId: article.id });
    expect(result.report).toMatchObject({ imported: 1, anchored: { quote: 1 }, articles: [{ id: article.id }] });
    expect(result.opened.annotations.map((a: any) => [a.id, a.target.position.start])).toEqual([['00000000-0000-4000-8000-0000000000c1', 11]]);
    expect(await app.ok('annotations:import', { articleId: article.id })).toBeNull();
  });

  it('a file that is neither format answers an error naming it, and the store is unchanged', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('emoji.txt') });
    const file = join(tempDir('bad'), 'notes.json');
    writeFileSync(file, '{"notes": []}');
    app.answers.open.push(file);
    expect(await app.call('annotations:import', { articleId: article.id })).toEqual({ ok: false, error: { code: 'unsupported', message: 'notes.json: neither an Attest export nor W3C Web Annotation JSON' } });
    expect(app.repository.get(article.id)!.annotations).toEqual([]);
  });
});
