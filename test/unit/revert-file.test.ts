import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { setup, tempDir } from '../support/handler-app.js';

const A = 'The mayor said the barrier will cost 48 million. Critics disagree. Mayor Jane Roe spoke at noon.';
const B = 'The mayor said the barrier will cost 48 million euros. Critics disagree. Mayor Jane Roe spoke at noon.';

/** A real file changed between openings as an editor (or `git checkout`) would; annotations tagged on A: a claim and a source. */
async function tagged() {
  const app = setup();
  const path = join(tempDir('revert'), 'article.txt');
  writeFileSync(path, A);
  const open = async (text: string) => {
    writeFileSync(path, text);
    return app.ok('article:open-dropped', { path });
  };
  const a = await open(A);
  const span = (text: string, s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const claim: Annotation = await app.ok('annotation:create', { articleId: a.article.id, type: 'claim', ...span(A, 'the barrier will cost 48 million') });
  const source: Annotation = await app.ok('annotation:create', { articleId: a.article.id, type: 'source', ...span(A, 'Mayor Jane Roe') });
  return { app, open, a, claim, source };
}

/** What an opened article shows: each annotation's type, exact text and note, checking the offsets' invariant on the way. */
function shown(opened: { article: { text: string }; annotations: Annotation[] }) {
  return opened.annotations.map((a) => {
    expect(opened.article.text.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
    return [a.type, a.target.quote.exact, a.note];
  });
}

suite('a file that goes back to a text it held before (reverted, checked out again)', () => {
  it('keeps what was done at the later text: a note written and an annotation deleted there are not undone by the revert', async () => {
    const { app, open, claim, source } = await tagged();
    const b = await open(B);
    expect(shown(b)).toEqual([['claim', 'the barrier will cost 48 million', ''], ['source', 'Mayor Jane Roe', '']]);
    await app.ok('annotation:update', { articleId: b.article.id, id: claim.id, patch: { note: 'Written on B.' } });
    await app.ok('annotation:delete', { articleId: b.article.id, id: source.id });

    const back = await open(A);
    expect(shown(back)).toEqual([['claim', 'the barrier will cost 48 million', 'Written on B.']]);
    expect(back.orphans).toEqual([]);
    app.repository.flush();
    const stored = JSON.parse(readFileSync(join(app.dataDir, 'articles', `${back.article.id}.json`), 'utf8'));
    expect(stored.annotations.map((a: Annotation) => a.id)).toEqual([claim.id]);
    expect(stored.deleted.map((d: { id: string }) => d.id)).toEqual([source.id]);

    // And forth again: a tag added at A now reaches B, the note stays.
    const added: Annotation = await app.ok('annotation:create', { articleId: back.article.id, type: 'quote', start: A.indexOf('Critics disagree.'), end: A.indexOf('Critics disagree.') + 'Critics disagree.'.length });
    const again = await open(B);
    expect(shown(again)).toEqual([['claim', 'the barrier will cost 48 million', 'Written on B.'], ['quote', 'Critics disagree.', '']]);
    expect(again.annotations.map((a: Annotation) => a.id)).toEqual([claim.id, added.id]);
  });

  it('an undone delete at the later text comes back with the revert', async () => {
    const { app, open, source } = await tagged();
    const b = await open(B);
    await app.ok('annotation:delete', { articleId: b.article.id, id: source.id });
    await app.ok('annotation:undo', { articleId: b.article.id });
    const back = await open(A);
    expect(shown(back)).toEqual([['claim', 'the barrier will cost 48 million', ''], ['source', 'Mayor Jane Roe', '']]);
  });

  it('a change of type and attribution at the later text holds after the revert; the place stays the earlier text’s own', async () => {
    const { app, open, claim, source } = await tagged();
    const b = await open(B);
    await app.ok('annotation:update', { articleId: b.article.id, id: claim.id, patch: { type: 'quote' } });
    await app.ok('annotation:update', { articleId: b.article.id, id: claim.id, patch: { links: [{ type: 'attributedTo', target: source.id }] } });
    const back = await open(A);
    const quote = back.annotations.find((a: Annotation) => a.id === claim.id);
    expect(quote).toMatchObject({ type: 'quote', links: [{ type: 'attributedTo', target: source.id }], target: { position: { start: A.indexOf('the barrier'), end: A.indexOf(' Critics') - 1 } } });
  });
});
