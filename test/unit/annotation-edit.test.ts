import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import type { Annotation } from '../../app/core/annotation.js';
import { exportProblems } from '../support/check-export.js';
import { exportJson, setup } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

/** The annotations of `articleId` as the store file on disk holds them (after a flush). */
function stored(app: ReturnType<typeof setup>, articleId: string): Annotation[] {
  app.repository.flush();
  return JSON.parse(readFileSync(join(app.dataDir, 'articles', `${articleId}.json`), 'utf8')).annotations;
}

const spans = (annotations: readonly Annotation[]) => annotations.map((a) => [a.type, a.target.position.start, a.target.position.end, a.target.quote.exact]);

/** Opens `attribution.txt` and tags its quote, its speaker (a source) and its claim. */
async function attributionCase() {
  const app = setup();
  const { article } = await app.ok('article:open-dropped', { path: fixture('attribution.txt') });
  const text: string = article.text;
  const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const quote: Annotation = await app.ok('annotation:create', { articleId: article.id, type: 'quote', ...at('We will win,') });
  const source: Annotation = await app.ok('annotation:create', { articleId: article.id, type: 'source', ...at('Mayor Jane Roe') });
  const claim: Annotation = await app.ok('annotation:create', { articleId: article.id, type: 'claim', ...at('The council called it certain.') });
  const attribute = (id: string, target: string) => app.ok('annotation:update', { articleId: article.id, id, patch: { links: [{ type: 'attributedTo', target }] } });
  return { app, articleId: article.id as string, text, quote, source, claim, attribute };
}

suite('undo and redo in main', () => {
  it('Alpha beta gamma.: tag beta as Claim, delete, undo, redo: 1 → 0 → the same span [6,10] back → 0, in the store too', async () => {
    const app = setup();
    const { article } = await app.ok('article:open-dropped', { path: fixture('alpha-beta.txt') });
    const articleId = article.id;
    const claim: Annotation = await app.ok('annotation:create', { articleId, type: 'claim', start: 6, end: 10 });
    expect(spans(stored(app, articleId))).toEqual([['claim', 6, 10, 'beta']]);
    expect(await app.ok('annotation:delete', { articleId, id: claim.id })).toMatchObject({ deleted: true, annotations: [] });
    expect(stored(app, articleId)).toEqual([]);
    const undone = await app.ok('annotation:undo', { articleId });
    expect(undone.applied).toBe('Delete annotation');
    expect(undone.subject).toBe(claim.id);
    expect(undone.annotations).toEqual([claim]);
    expect(stored(app, articleId)).toEqual([claim]);
    const redone = await app.ok('annotation:redo', { articleId });
    expect(redone).toMatchObject({ applied: 'Delete annotation', subject: claim.id, annotations: [] });
    expect(stored(app, articleId)).toEqual([]);
    // Nothing more to redo; undoing twice goes back to before the tag.
    expect(await app.ok('annotation:redo', { articleId })).toMatchObject({ applied: null, subject: null, annotations: [] });
    await app.ok('annotation:undo', { articleId });
    expect(await app.ok('annotation:undo', { articleId })).toMatchObject({ applied: 'Tag as Claim', subject: claim.id, annotations: [] });
    expect(await app.ok('annotation:undo', { articleId })).toMatchObject({ applied: null });
  });

  it('re-type, note, link and boundary changes are one step each, undone in reverse order', async () => {
    const { app, articleId, quote, source, attribute } = await attributionCase();
    await app.ok('annotation:update', { articleId, id: quote.id, patch: { note: 'first line\nsecond line' } });
    await attribute(quote.id, source.id);
    await app.ok('annotation:update', { articleId, id: quote.id, patch: { type: 'claim' } });
    await app.ok('annotation:update', { articleId, id: quote.id, patch: { end: quote.target.position.end + 6 } });
    const now = stored(app, articleId).find((a) => a.id === quote.id)!;
    expect([now.type, now.note, now.links, now.target.quote.exact]).toEqual(['claim', 'first line\nsecond line', [{ type: 'attributedTo', target: source.id }], 'We will win," said']);
    const labels: (string | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const undone = await app.ok('annotation:undo', { articleId });
      expect(undone.subject).toBe(quote.id);
      labels.push(undone.applied);
    }
    expect(labels).toEqual(['Adjust span', 'Change type', 'Attribute', 'Edit note']);
    expect(stored(app, articleId).find((a) => a.id === quote.id)).toEqual(quote);
    for (let i = 0; i < 4; i++) await app.ok('annotation:redo', { articleId });
    expect(stored(app, articleId).find((a) => a.id === quote.id)).toEqual(now);
  });

  it('a new change after an undo clears what could be redone', async () => {
    const { app, articleId, quote } = await attributionCase();
    await app.ok('annotation:undo', { articleId });
    await app.ok('annotation:update', { articleId, id: quote.id, patch: { note: 'x' } });
    expect(await app.ok('annotation:redo', { articleId })).toMatchObject({ applied: null });
  });
});

suite('annotation:update', () => {
  it('re-normalises and re-describes new boundaries (the invariant holds), and refuses empty or white-space spans', async () => {
    const { app, articleId, text, source } = await attributionCase();
    const { start, end } = source.target.position;
    // Shrink by one word at the start, taking the space in: normalised away.
    const { annotation } = await app.ok('annotation:update', { articleId, id: source.id, patch: { start: start + 'Mayor'.length } });
    expect(annotation.target.position).toEqual({ type: 'TextPositionSelector', start: start + 6, end });
    expect(annotation.target.quote.exact).toBe('Jane Roe');
    expect(text.slice(annotation.target.position.start, annotation.target.position.end)).toBe(annotation.target.quote.exact);
    expect(annotation.target.quote.prefix.endsWith('said Mayor ')).toBe(true);
    expect(await app.call('annotation:update', { articleId, id: source.id, patch: { start: end, end } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await app.call('annotation:update', { articleId, id: source.id, patch: { start: start - 1, end: start } })).toMatchObject({ ok: false, error: { message: 'the new span holds only white space' } });
    expect(await app.call('annotation:update', { articleId, id: source.id, patch: { end: text.length + 1 } })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('links only a quote or a claim, to a source of the same article, one at most', async () => {
    const { app, articleId, quote, source, claim, attribute } = await attributionCase();
    const refused = async (id: string, links: unknown, message: RegExp) => {
      const result = await app.call('annotation:update', { articleId, id, patch: { links } });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
    };
    await refused(source.id, [{ type: 'attributedTo', target: quote.id }], /a source cannot be attributed/);
    await refused(quote.id, [{ type: 'attributedTo', target: claim.id }], /is a claim, not a source/);
    await refused(quote.id, [{ type: 'attributedTo', target: 'nope' }], /no annotation nope/);
    await refused(quote.id, [{ type: 'attributedTo', target: source.id }, { type: 'attributedTo', target: source.id }], /one source at most/);
    await refused(quote.id, [{ type: 'cites', target: source.id }], /links/);
    expect((await attribute(claim.id, source.id)).annotation.links).toEqual([{ type: 'attributedTo', target: source.id }]);
    // Re-typing a claim as a source drops its own link; re-typing the source releases the claim.
    await attribute(quote.id, source.id);
    const { annotations } = await app.ok('annotation:update', { articleId, id: source.id, patch: { type: 'claim' } });
    expect(annotations.every((a: Annotation) => a.links.length === 0)).toBe(true);
    await app.ok('annotation:undo', { articleId });
    expect(stored(app, articleId).filter((a) => a.links.length > 0).map((a) => a.id).sort()).toEqual([claim.id, quote.id].sort());
  });

  it('refuses a retype or a boundary change that would give a span a second annotation of one label, and changes nothing', async () => {
    const { app, articleId, text, claim } = await attributionCase();
    const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    // A Quote on the claim's span, retyped to Claim.
    const quote: Annotation = await app.ok('annotation:create', { articleId, type: 'quote', ...at('The council called it certain.') });
    const retype = await app.call('annotation:update', { articleId, id: quote.id, patch: { type: 'claim' } });
    expect(retype).toEqual({ ok: false, error: { code: 'invalid-request', message: '“The council called it certain.” is tagged as Claim already: a span holds one annotation of each label' } });
    // A shorter Claim whose end is moved to the end of the other.
    const shorter: Annotation = await app.ok('annotation:create', { articleId, type: 'claim', ...at('The council called') });
    const extend = await app.call('annotation:update', { articleId, id: shorter.id, patch: { end: at('The council called it certain.').end } });
    expect(extend).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('is tagged as Claim already') } });
    const claims = stored(app, articleId).filter((a) => a.type === 'claim');
    expect(spans(claims)).toEqual([spans([claim])[0], spans([shorter])[0]]);
    // Moving off the shared span, or a type no other annotation has there, is fine.
    expect((await app.ok('annotation:update', { articleId, id: quote.id, patch: { type: 'source' } })).annotation.type).toBe('source');
  });

  it('answers not-found for an unknown annotation, and changes nothing when nothing changes', async () => {
    const { app, articleId, quote } = await attributionCase();
    expect(await app.call('annotation:update', { articleId, id: 'nope', patch: { note: 'x' } })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await app.ok('annotation:update', { articleId, id: quote.id, patch: { note: '' } })).annotation).toEqual(quote);
    // Only the three tags are in the history.
    for (let i = 0; i < 3; i++) expect((await app.ok('annotation:undo', { articleId })).applied).toMatch(/^Tag as/);
  });
});

suite('deleting a source', () => {
  it('asks what to do with attributed annotations, never leaving a dangling link', async () => {
    const { app, articleId, quote, source, claim, attribute } = await attributionCase();
    await attribute(quote.id, source.id);
    await attribute(claim.id, source.id);
    expect(await app.call('annotation:delete', { articleId, id: source.id })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: /2 annotation\(s\) are attributed/ } });
    expect(stored(app, articleId)).toHaveLength(3);
    const detached = await app.ok('annotation:delete', { articleId, id: source.id, attributed: 'detach' });
    expect(spans(detached.annotations).map((s) => s[0])).toEqual(['quote', 'claim']);
    expect(stored(app, articleId).every((a) => a.links.length === 0)).toBe(true);
    // One step, about the source (not the annotations released with it): undo brings the source and both links back.
    expect(await app.ok('annotation:undo', { articleId })).toMatchObject({ applied: 'Delete annotation', subject: source.id });
    expect(stored(app, articleId).filter((a) => a.links.length > 0)).toHaveLength(2);
    const removed = await app.ok('annotation:delete', { articleId, id: source.id, attributed: 'delete-them' });
    expect(removed.annotations).toEqual([]);
    const json = await exportJson(app, articleId);
    expect(exportProblems(json)).toEqual([]);
    expect(json.annotations).toEqual([]);
  });

  it('exports the attribution link', async () => {
    const { app, articleId, quote, source, attribute } = await attributionCase();
    await attribute(quote.id, source.id);
    const json = await exportJson(app, articleId);
    expect(exportProblems(json)).toEqual([]);
    expect(json.annotations.find((a: any) => a.id === quote.id).links).toEqual([{ type: 'attributedTo', target: source.id }]);
  });
});
