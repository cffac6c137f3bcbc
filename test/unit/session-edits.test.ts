import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttestApi } from '../../app/core/ipc.js';
import { AnnotationEdits } from '../../renderer/src/state/annotation-edits.js';
import { SessionStore } from '../../renderer/src/state/session-store.js';
import { setup } from '../support/handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

/** The renderer's session and edits over the real handlers (what the preload or the HTTP bridge carry). */
async function renderer(path: string, broken?: string) {
  const app = setup();
  // The channels called, in order, as they leave the renderer.
  const sent: string[] = [];
  const api: AttestApi = {
    // `broken`: a channel whose call throws (a bridge that failed) instead of answering.
    invoke: (channel, request) => {
      sent.push(channel);
      return (channel === broken ? Promise.reject(new Error('the bridge is gone')) : app.call(channel, request)) as never;
    },
    onMenuCommand: () => () => undefined,
    onDroppedArticle: () => () => undefined,
    onLibraryChanged: () => () => undefined,
    runtime: 'browser',
  };
  const session = new SessionStore(api);
  session.showDropped(await app.call('article:open-dropped', { path }) as never);
  const article = session.getSnapshot().opened!.article;
  const stored = async () => (await app.ok('library:open', { path })).annotations as { id: string; type: string }[];
  return { app, session, edits: new AnnotationEdits(api, session), article, stored, sent };
}

/** Lets the microtasks queued so far (and those they queue, a few deep) run; no timer, no frame. */
async function microtasks(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('the renderer shows a tag or a delete before main answers', () => {
  it('shows and selects it at once, then holds what main stored under the same id', async () => {
    const { session, edits, article, stored } = await renderer(fixture('tax-plan.txt'));
    // " tax plan " with its spaces: normalised as main does.
    const done = edits.tag('quote', 7, 17);
    const shown = session.getSnapshot();
    expect(shown.annotations).toHaveLength(1);
    const [proposed] = shown.annotations;
    expect(shown.selectedId).toBe(proposed.id);
    expect(proposed.target.position).toEqual({ type: 'TextPositionSelector', start: 8, end: 16 });
    expect(article.text.slice(8, 16)).toBe(proposed.target.quote.exact);
    expect(proposed.target.quote.exact).toBe('tax plan');

    await done;
    const after = session.getSnapshot();
    expect(after.annotations.map((a) => a.id)).toEqual([proposed.id]);
    expect(after.selectedId).toBe(proposed.id);
    // Main's own object (its clock), not the renderer's proposal.
    expect(after.annotations[0].created).toBe('2026-01-02T03:04:05.000Z');
    expect((await stored()).map((a) => [a.id, a.type])).toEqual([[proposed.id, 'quote']]);
  });

  it("sends a tag's and a delete's request in the task of the key (its microtasks): a window closed just after loses neither", async () => {
    const { edits, session, sent, stored } = await renderer(fixture('tax-plan.txt'));
    const tagged = edits.tag('quote', 8, 16);
    await microtasks();
    expect(sent.at(-1)).toBe('annotation:create');
    await tagged;
    const deleted = edits.requestDelete(session.getSnapshot().selectedId!);
    await microtasks();
    expect(sent.at(-1)).toBe('annotation:delete');
    await deleted;
    expect(await stored()).toEqual([]);
  });

  it('keeps a shown annotation while the answer to an earlier change arrives without it', async () => {
    const { session, edits, stored } = await renderer(fixture('tax-plan.txt'));
    await edits.tag('claim', 0, 24);
    const claim = session.getSnapshot().annotations[0];
    // The note goes to main first; the tag is shown at once and stored after it.
    const noted = edits.update(claim.id, { note: 'check the vote' });
    const tagged = edits.tag('source', 4, 11);
    const source = session.getSnapshot().annotations.find((a) => a.type === 'source')!;
    await noted;
    // Main's answer to the note did not have the source yet: it is still shown, and selected.
    expect(session.getSnapshot().annotations.map((a) => [a.type, a.note])).toEqual([['claim', 'check the vote'], ['source', '']]);
    expect(session.getSnapshot().selectedId).toBe(source.id);
    await tagged;
    expect((await stored()).map((a) => a.id).sort()).toEqual([claim.id, source.id].sort());
  });

  it('tags a span with the type an unanswered retype is taking from it: main decides, after the retype', async () => {
    const { session, edits, stored } = await renderer(fixture('tax-plan.txt'));
    await edits.tag('claim', 4, 11);
    const claim = session.getSnapshot().annotations[0];
    // Retyped to quote (main has not answered yet), then the same span tagged as claim again.
    const retyped = edits.retype(claim.id, 'quote');
    const tagged = edits.tag('claim', 4, 11);
    await Promise.all([retyped, tagged]);
    const now = await stored();
    expect(now.map((a) => a.type).sort()).toEqual(['claim', 'quote']);
    expect(now.find((a) => a.type === 'quote')!.id).toBe(claim.id);
    const newClaim = now.find((a) => a.type === 'claim')!;
    expect(session.getSnapshot().annotations.map((a) => [a.id, a.type]).sort()).toEqual(now.map((a) => [a.id, a.type]).sort());
    expect(session.getSnapshot().selectedId).toBe(newClaim.id);
  });

  it('keeps a queued retype, tag or undo on the article they were asked for when another opens meanwhile, and a selection made meanwhile', async () => {
    const { app, session, edits, article, stored } = await renderer(fixture('tax-plan.txt'));
    await edits.tag('claim', 4, 11);
    await edits.tag('quote', 12, 16);
    const [claim, quote] = session.getSnapshot().annotations;
    const retyped = edits.retype(claim.id, 'quote');
    const tagged = edits.tag('claim', 4, 11);
    // The analyst selects the quote, then opens another article before main has answered.
    session.select(quote.id);
    const otherPath = fixture('officials.txt');
    const other = await app.ok('article:open-dropped', { path: otherPath });
    const undone = edits.undo();
    session.showDropped({ ok: true, value: other } as never);
    await Promise.all([retyped, tagged, undone]);
    // The undo (asked for while tax-plan was open) took back the tag made there, not anything in the other article.
    expect((await stored()).map((a) => [a.id === claim.id ? 'first' : a.id === quote.id ? 'second' : 'new', a.type]).sort()).toEqual([['first', 'quote'], ['second', 'quote']]);
    expect((await app.ok('library:open', { path: otherPath })).annotations).toEqual([]);
    expect(session.getSnapshot().opened!.article.id).toBe(other.article.id);
    expect(article.id).not.toBe(other.article.id);

    // Without another article: a selection made while main decides is kept.
    session.showDropped(await app.call('article:open-dropped', { path: fixture('tax-plan.txt') }) as never);
    const again = edits.retype(claim.id, 'claim');
    const retagged = edits.tag('quote', 4, 11);
    session.select(quote.id);
    await Promise.all([again, retagged]);
    expect(session.getSnapshot().selectedId).toBe(quote.id);
    expect(session.getSnapshot().annotations.map((a) => a.type).sort()).toEqual(['claim', 'quote', 'quote']);
  });

  it('takes a refused annotation away again and says why', async () => {
    const { session, edits, stored } = await renderer(fixture('tax-plan.txt'));
    // A label another window removed: the renderer still offers it, main refuses it.
    const done = edits.tag('rumour', 0, 3);
    expect(session.getSnapshot().annotations).toHaveLength(1);
    await done;
    expect(session.getSnapshot()).toMatchObject({ annotations: [], selectedId: null, message: { kind: 'error', text: 'there is no label rumour' } });
    expect(await stored()).toEqual([]);
  });

  it('refuses white space, and selects the annotation a span already has, without asking main', async () => {
    const { session, edits, stored } = await renderer(fixture('tax-plan.txt'));
    await edits.tag('quote', 3, 4);
    expect(session.getSnapshot()).toMatchObject({ annotations: [], message: { kind: 'error', text: 'the selection holds only white space' } });
    await edits.tag('claim', 4, 11);
    const [claim] = session.getSnapshot().annotations;
    session.select(null);
    await edits.tag('claim', 3, 12);
    expect(session.getSnapshot().annotations).toEqual([claim]);
    expect(session.getSnapshot().selectedId).toBe(claim.id);
    expect(await stored()).toHaveLength(1);
  });

  it('hides a deleted annotation at once, keeps it hidden through an earlier answer, and shows it again when main refuses', async () => {
    const { app, session, edits, article, stored } = await renderer(fixture('tax-plan.txt'));
    await edits.tag('claim', 0, 24);
    await edits.tag('quote', 8, 16);
    const [claim, quote] = session.getSnapshot().annotations;
    session.select(quote.id);
    const noted = edits.update(claim.id, { note: 'check' });
    const deleted = edits.requestDelete(quote.id);
    expect(session.getSnapshot()).toMatchObject({ annotations: [{ id: claim.id }], selectedId: null });
    await noted;
    // Main's answer to the note still had the quote: it stays hidden.
    expect(session.getSnapshot().annotations.map((a) => [a.id, a.note])).toEqual([[claim.id, 'check']]);
    await deleted;
    expect((await stored()).map((a) => a.id)).toEqual([claim.id]);

    // A claim attributed to a source by another window (this session does not know): main refuses
    // to delete the source without saying what happens to the claim; the source comes back, with the reason.
    await edits.tag('source', 4, 11);
    const source = session.getSnapshot().annotations.find((a) => a.type === 'source')!;
    await app.ok('annotation:update', { articleId: article.id, id: claim.id, patch: { links: [{ type: 'attributedTo', target: source.id }] } });
    const refused = edits.requestDelete(source.id);
    expect(session.getSnapshot().annotations.some((a) => a.id === source.id)).toBe(false);
    await refused;
    expect(session.getSnapshot().annotations.some((a) => a.id === source.id)).toBe(true);
    expect(session.getSnapshot().message).toMatchObject({ kind: 'error', text: expect.stringContaining('attributed to this source') });
  });

  it('an annotation deleted before main has stored it never comes back', async () => {
    const { session, edits, stored } = await renderer(fixture('tax-plan.txt'));
    const seen: number[] = [];
    session.subscribe(() => seen.push(session.getSnapshot().annotations.length));
    const tagged = edits.tag('claim', 4, 11);
    const id = session.getSnapshot().annotations[0].id;
    const deleted = edits.requestDelete(id);
    await Promise.all([tagged, deleted]);
    // Shown, hidden, and never shown again while the two answers came.
    expect(seen[0]).toBe(1);
    expect(seen.slice(1).every((n) => n === 0)).toBe(true);
    expect(await stored()).toEqual([]);
  });

  it('an annotation deleted before main has stored it stays gone when an earlier change is answered', async () => {
    const { session, edits, stored } = await renderer(fixture('tax-plan.txt'));
    await edits.tag('claim', 0, 24);
    const claim = session.getSnapshot().annotations[0];
    const seen: string[][] = [];
    session.subscribe(() => seen.push(session.getSnapshot().annotations.map((a) => a.type)));
    const noted = edits.update(claim.id, { note: 'check' });
    const tagged = edits.tag('source', 4, 11);
    const deleted = edits.requestDelete(session.getSnapshot().annotations.find((a) => a.type === 'source')!.id);
    await Promise.all([noted, tagged, deleted]);
    // Shown, hidden, and never back while the note's, the tag's and the delete's answers came.
    expect(seen[0]).toEqual(['claim', 'source']);
    expect(seen.slice(1).every((types) => types.join() === 'claim')).toBe(true);
    expect((await stored()).map((a) => a.type)).toEqual(['claim']);
  });

  it('a tag or a delete whose call throws is taken back, and the analyst is told', async () => {
    const { session, edits } = await renderer(fixture('tax-plan.txt'), 'annotation:create');
    await edits.tag('claim', 4, 11);
    expect(session.getSnapshot()).toMatchObject({ annotations: [], message: { kind: 'error', text: 'the annotation was not saved: the bridge is gone' } });
    const other = await renderer(fixture('tax-plan.txt'), 'annotation:delete');
    await other.edits.tag('claim', 4, 11);
    await other.edits.requestDelete(other.session.getSnapshot().annotations[0].id);
    expect(other.session.getSnapshot()).toMatchObject({ annotations: [{ type: 'claim' }], message: { kind: 'error', text: 'the annotation was not deleted: the bridge is gone' } });
  });
});


describe('a note saved behind changes main has not answered', () => {
  it('is made as its request goes out, after the tag before it, so what it sends is the latest; nothing goes out when it has nothing to send', async () => {
    const { session, edits, article, stored, sent } = await renderer(fixture('tax-plan.txt'));
    const changes = () => sent.filter((channel) => channel.startsWith('annotation:'));
    const tagged = edits.tag('quote', 7, 17);
    const id = session.getSnapshot().selectedId!;
    let typed = 'Said at the';
    const saved = edits.updateAsSent(id, article.id, () => ({ note: typed }));
    // Typed on while the save waited: the request carries what the box holds when it leaves.
    typed = 'Said at the rally.';
    await tagged;
    expect(await saved).toBe(true);
    expect(changes()).toEqual(['annotation:create', 'annotation:update']);
    expect((await stored()).map((a) => (a as { note?: string }).note)).toEqual(['Said at the rally.']);

    expect(await edits.updateAsSent(id, article.id, () => null)).toBe(false);
    expect(changes()).toEqual(['annotation:create', 'annotation:update']);
  });
});
