import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import type { Annotation, OrphanAnnotation } from '../../app/core/annotation.js';
import type { OpenedArticle } from '../../app/core/ipc.js';
import { setup, tempDir } from '../support/handler-app.js';

const TA = 'Article A\n\nThe minister announced new tariffs on steel imports today.\n\nTrade groups warned of higher prices.';
const TB = 'Article B\n\nFloods hit the northern province after days of rain.\n\nRescue teams evacuated 300 residents overnight.';

type App = ReturnType<typeof setup>;

/** Tags `exact` (its first occurrence) in an opened article; returns the annotation main stored. */
async function tag(app: App, opened: OpenedArticle, exact: string, type = 'claim'): Promise<Annotation> {
  const start = opened.article.text.indexOf(exact);
  expect(start).toBeGreaterThanOrEqual(0);
  return app.ok('annotation:create', { articleId: opened.article.id, type, start, end: start + exact.length });
}

/** What an opened article shows: placed quotes (checking `text.slice(start, end) === exact`) and orphans' quotes. */
function shown(opened: { article: { text: string }; annotations: Annotation[]; orphans: OrphanAnnotation[] }) {
  for (const a of opened.annotations) expect(opened.article.text.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
  return { placed: opened.annotations.map((a) => a.target.quote.exact), orphans: opened.orphans.map((o) => o.target.quote.exact) };
}

/** Two different articles in one folder, a.txt (one claim) and b.txt (two claims), both opened and tagged. */
async function twoFiles(dir = tempDir('two')) {
  const app = setup();
  const a = join(dir, 'a.txt');
  const b = join(dir, 'b.txt');
  writeFileSync(a, TA);
  writeFileSync(b, TB);
  const open = (path: string): Promise<OpenedArticle> => app.ok('article:open-dropped', { path });
  const A = await open(a);
  await tag(app, A, 'new tariffs on steel imports');
  const B = await open(b);
  await tag(app, B, 'Floods hit the northern province');
  await tag(app, B, 'evacuated 300 residents');
  return { app, dir, a, b, open, A, B };
}

const A_SHOWS = { placed: ['new tariffs on steel imports'], orphans: [] };
const B_SHOWS = { placed: ['Floods hit the northern province', 'evacuated 300 residents'], orphans: [] };

suite("a file overwritten with another file's text (cp a.txt b.txt)", () => {
  it("b.txt shows A's annotations and says so; A's record gains nothing; B's annotations stay in B", async () => {
    const { app, a, b, open, A, B } = await twoFiles();
    copyFileSync(a, b);
    const now = await open(b);
    expect(now.article.id).toBe(A.article.id);
    expect(shown(now)).toEqual(A_SHOWS);
    expect(now.notice).toBe("b.txt now holds the same text as a.txt, so it shows that text's annotations; those made on its earlier text stay with that text (putting the text back brings them back).");
    expect(shown(app.repository.get(A.article.id)!)).toEqual(A_SHOWS);
    expect(shown(app.repository.get(B.article.id)!)).toEqual(B_SHOWS);
    const aAgain = await open(a);
    expect(shown(aAgain)).toEqual(A_SHOWS);
    expect(aAgain.notice).toBeUndefined();
  });

  it("putting b.txt's text back brings B's annotations back, none of A's; deleting in A never touches B", async () => {
    const { app, a, b, open, A } = await twoFiles();
    copyFileSync(a, b);
    await open(b);
    // The analyst works on A meanwhile (through a.txt): a deletion there is A's business only.
    const [claim] = (await open(a)).annotations;
    await app.ok('annotation:delete', { articleId: A.article.id, id: claim!.id });
    await tag(app, A, 'Trade groups warned');
    writeFileSync(b, TB);
    const back = await open(b);
    expect(shown(back)).toEqual(B_SHOWS);
    expect(back.notice).toBe("b.txt held the same text as a.txt until now; that text's annotations stay with it and are not brought here.");
    expect(shown(await open(a))).toEqual({ placed: ['Trade groups warned'], orphans: [] });
  });

  it('the library folder watcher follows the same rule: nothing moves between the two records without an opening', async () => {
    const dir = tempDir('library');
    const { app, a, b, A, B } = await twoFiles(dir);
    app.answers.folder.push(dir);
    await app.ok('library:add-root', {});
    copyFileSync(a, b);
    await until(() => app.library.list().entries.find((e) => e.path === b)?.articleId === A.article.id);
    expect(shown(app.repository.get(A.article.id)!)).toEqual(A_SHOWS);
    expect(shown(app.repository.get(B.article.id)!)).toEqual(B_SHOWS);
    const opened: OpenedArticle = await app.ok('library:open', { path: b });
    expect(shown(opened)).toEqual(A_SHOWS);
    expect(opened.notice).toMatch(/^b\.txt now holds the same text as a\.txt/);
    writeFileSync(b, TB);
    await until(() => app.library.list().entries.find((e) => e.path === b)?.articleId === B.article.id);
    expect(shown(app.repository.get(B.article.id)!)).toEqual(B_SHOWS);
    expect(shown(await app.ok('library:open', { path: a }))).toEqual(A_SHOWS);
    await app.library.close();
  });
});

suite('annotations still follow a file of its own', () => {
  it('a file edited in place carries its annotations, with no notice', async () => {
    const { b, open } = await twoFiles();
    writeFileSync(b, TB.replace('Rescue teams', 'Volunteers'));
    const edited = await open(b);
    expect(shown(edited)).toEqual(B_SHOWS);
    expect(edited.notice).toBeUndefined();
  });

  it('T1 -> T2 -> T1 at one path: the work done at T2 holds at T1', async () => {
    const { app, b, open } = await twoFiles();
    writeFileSync(b, TB.replace('Rescue teams', 'Volunteers'));
    const t2 = await open(b);
    await tag(app, t2, 'days of rain');
    writeFileSync(b, TB);
    const back = await open(b);
    expect(shown(back).placed.sort()).toEqual([...B_SHOWS.placed, 'days of rain'].sort());
    expect(back.orphans).toEqual([]);
  });

  it('a renamed file, edited and put back: the work done on the edited text comes back, and no notice names the old name', async () => {
    const { app, dir, b, open } = await twoFiles();
    const c = join(dir, 'c.txt');
    renameSync(b, c);
    expect(shown(await open(c))).toEqual(B_SHOWS);
    writeFileSync(c, TB.replace('Rescue teams', 'Volunteers'));
    const edited = await open(c);
    await tag(app, edited, 'days of rain');
    writeFileSync(c, TB);
    const back = await open(c);
    expect(shown(back).placed.sort()).toEqual([...B_SHOWS.placed, 'days of rain'].sort());
    expect(back.notice).toBeUndefined();
  });

  it('a path only an imported export names is no other file: opening one\'s own copy of that text, editing and reverting it carries as for any file', async () => {
    const { app, dir, open } = await twoFiles();
    // A colleague's export of TA, naming their own path for it.
    const exported = join(tempDir('colleague'), 'ta.attest.json');
    app.answers.save.push(exported);
    const A = await open(join(dir, 'a.txt'));
    await app.ok('article:export', { articleId: A.article.id });
    const json = JSON.parse(readFileSync(exported, 'utf8'));
    json.article.source = { ...json.article.source, path: '/home/colleague/articles/tariffs.txt' };
    writeFileSync(exported, JSON.stringify(json));
    const fresh = setup();
    fresh.answers.open.push(exported);
    await fresh.ok('annotations:import', { articleId: null });
    const mine = join(tempDir('mine'), 'tariffs.txt');
    writeFileSync(mine, TA);
    const opened = await fresh.ok<OpenedArticle>('article:open-dropped', { path: mine });
    expect(shown(opened)).toEqual(A_SHOWS);
    writeFileSync(mine, TA.replace('Trade groups', 'Industry groups'));
    const edited = await fresh.ok<OpenedArticle>('article:open-dropped', { path: mine });
    expect(edited.notice).toBeUndefined();
    await tag(fresh, edited, 'Industry groups warned');
    writeFileSync(mine, TA);
    const back = await fresh.ok<OpenedArticle>('article:open-dropped', { path: mine });
    expect(back.notice).toBeUndefined();
    expect(shown(back).placed).toEqual(A_SHOWS.placed);
    expect(shown(back).orphans).toEqual(['Industry groups warned']);
  });

  it('a renamed file then edited carries the annotations of its text', async () => {
    const { dir, b, open } = await twoFiles();
    const c = join(dir, 'c.txt');
    renameSync(b, c);
    expect(shown(await open(c))).toEqual(B_SHOWS);
    writeFileSync(c, TB.replace('Rescue teams', 'Volunteers'));
    expect(shown(await open(c))).toEqual(B_SHOWS);
  });
});

/** Resolves once `predicate` holds (checked every 20 ms); fails after 5 s. */
async function until(predicate: () => boolean): Promise<void> {
  const end = Date.now() + 5000;
  while (!predicate()) {
    if (Date.now() > end) throw new Error('not reached within 5 s');
    await new Promise((r) => setTimeout(r, 20));
  }
}
