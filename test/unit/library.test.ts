import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe as suite, expect, it } from 'vitest';
import type { LibraryListing } from '../../app/core/library-schemas.js';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { Library, LibraryError } from '../../app/main/library/library.js';
import { RECENT_LIMIT } from '../../app/main/library/library-settings.js';
import { isIgnored, scanFolder } from '../../app/main/library/scan-folder.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('library');

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);
const SAMPLES = ['harbour-dredging.html', 'school-meals.html', 'rail-fares.html', 'bridge-inspection.txt'];

const open: Library[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((library) => library.close()));
});

/** A folder holding copies of the library fixtures (and `extra` files: name -> content). */
function sampleFolder(extra: Record<string, string> = {}): string {
  const dir = temp.dir('lib');
  for (const name of SAMPLES) copyFileSync(fixture(`library/${name}`), join(dir, name));
  for (const [name, content] of Object.entries(extra)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A started library over `dataDir` with `conf` stores; counts the imports it asks for. */
async function startLibrary(dataDir = temp.dir('data')) {
  const repository = new ArticleRepository(dataDir, confStoreFactory, 10);
  const imported: string[] = [];
  const library = new Library({
    dataDir,
    openStore: confStoreFactory,
    repository,
    open: (path) => {
      imported.push(path);
      return openArticle(repository, path);
    },
    writeFinishMs: 60,
    now: () => '2026-06-01T10:00:00.000Z',
  });
  open.push(library);
  await library.start();
  return { dataDir, repository, library, imported };
}

/** Resolves with the listing once `predicate` holds, checked now and at every change; fails after `ms`. */
function until(library: Library, predicate: (listing: LibraryListing) => boolean, ms = 5000): Promise<LibraryListing> {
  return new Promise((done, fail) => {
    const check = () => {
      const listing = library.list();
      if (!predicate(listing)) return false;
      clearTimeout(timer);
      stop();
      done(listing);
      return true;
    };
    const timer = setTimeout(() => {
      stop();
      fail(new Error(`not reached within ${ms} ms; the library lists ${JSON.stringify(library.list().entries.map((e) => basename(e.path)))}`));
    }, ms);
    const stop = library.onChange(() => void check());
    check();
  });
}

const names = (listing: LibraryListing) => listing.entries.map((e) => basename(e.path));
const entry = (listing: LibraryListing, name: string) => listing.entries.find((e) => basename(e.path) === name)!;

suite('scanning a folder', () => {
  it('finds article files recursively, without hidden ones or unread formats', async () => {
    const dir = sampleFolder({ 'sub/deeper/note.txt': 'A note in a sub-folder.', '.hidden/secret.txt': 'hidden', '.draft.txt': 'hidden', 'photo.png': 'x', 'page.meta.json': '{}' });
    const found = (await scanFolder(dir)).map((p) => p.slice(dir.length + 1));
    expect(found).toEqual(['bridge-inspection.txt', 'harbour-dredging.html', 'rail-fares.html', 'school-meals.html', 'sub/deeper/note.txt']);
    expect(isIgnored(dir, join(dir, 'sub'), false)).toBe(false);
    expect(isIgnored(dir, join(dir, '.git'), false)).toBe(true);
  });
});

suite('the library', () => {
  it('lists each article with title, site, date and counts of claims, quotes and sources', async () => {
    const dir = sampleFolder();
    const { library, repository } = await startLibrary();
    await library.addRoot(dir);
    let listing = library.list();
    expect(listing.roots).toEqual([{ path: dir, error: null }]);
    expect(names(listing)).toEqual(['bridge-inspection.txt', 'harbour-dredging.html', 'rail-fares.html', 'school-meals.html']);
    expect(entry(listing, 'harbour-dredging.html')).toMatchObject({
      root: dir,
      title: 'Harbour dredging to start in spring, port authority says',
      siteName: 'Coastal Ledger',
      publishedTime: '2026-03-14T09:30:00Z',
      counts: { claim: 0, quote: 0, source: 0 },
      error: null,
    });
    expect(entry(listing, 'bridge-inspection.txt')).toMatchObject({ title: 'Bridge inspection finds worn bearings', siteName: null, publishedTime: null });

    // Counts are read from the store's records whenever the library is listed.
    const articleId = entry(listing, 'school-meals.html').articleId!;
    const { article } = repository.get(articleId)!;
    const span = (exact: string) => {
      const start = article.text.indexOf(exact);
      return { type: 'TextPositionSelector' as const, start, end: start + exact.length };
    };
    for (const [type, exact] of [['claim', 'The district council voted nine to four'], ['claim', 'at a cost'], ['quote', 'No child learns on an empty stomach'], ['source', 'councillor Abel Njoroge']] as const) {
      const position = span(exact);
      expect(article.text.slice(position.start, position.end)).toBe(exact);
      repository.addAnnotation(articleId, { id: exact, type, target: { position, quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' } }, note: '', links: [], created: '', modified: '' });
    }
    listing = library.list();
    expect(entry(listing, 'school-meals.html').counts).toEqual({ claim: 2, quote: 1, source: 1 });
    // Deleted the way annotation:delete does it: a change with no after, applied by the repository.
    const atACost = repository.get(articleId)!.annotations.find((a) => a.id === 'at a cost')!;
    repository.applyChanges(articleId, [{ before: atACost, after: null }]);
    expect(entry(library.list(), 'school-meals.html').counts).toEqual({ claim: 1, quote: 1, source: 1 });
  });

  it('lists a file that fails to import with its error, and keeps the others', async () => {
    const dir = sampleFolder({ 'empty.txt': '', 'no-article.html': '<html><body><nav>menu</nav></body></html>' });
    const { library } = await startLibrary();
    await library.addRoot(dir);
    const listing = library.list();
    expect(entry(listing, 'empty.txt')).toMatchObject({ articleId: null, title: 'empty.txt', error: 'empty.txt: the file is empty', counts: { claim: 0, quote: 0, source: 0 } });
    expect(entry(listing, 'no-article.html').error).toMatch(/^no-article\.html: /);
    expect(listing.entries.filter((e) => e.error === null)).toHaveLength(4);
  });

  it('refuses a root that is not a folder, and opens only listed or recent files', async () => {
    const dir = sampleFolder();
    const { library } = await startLibrary();
    await expect(library.addRoot(join(dir, 'rail-fares.html'))).rejects.toThrow(LibraryError);
    await library.addRoot(dir);
    const outside = join(temp.dir('outside'), 'secret.txt');
    writeFileSync(outside, 'Not in the library.');
    await expect(library.openFile(outside)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(library.openFile(join(dir, '..', basename(dir), 'rail-fares.html'))).resolves.toMatchObject({ article: { title: 'Rail fares to rise by four percent in January' } });
    expect(library.list().recent).toEqual([{ path: join(dir, 'rail-fares.html'), title: 'Rail fares to rise by four percent in January', opened: '2026-06-01T10:00:00.000Z' }]);
  });

  it('remembers roots and recent files across a new instance, and does not extract unchanged files again', async () => {
    const dir = sampleFolder();
    const first = await startLibrary();
    await first.library.addRoot(dir);
    await first.library.openFile(join(dir, 'school-meals.html'));
    await first.library.openFile(join(dir, 'rail-fares.html'));
    first.repository.flush();
    await first.library.close();

    const again = await startLibrary(first.dataDir);
    const listing = again.library.list();
    expect(listing.roots).toEqual([{ path: dir, error: null }]);
    expect(names(listing)).toHaveLength(4);
    expect(listing.recent.map((r) => basename(r.path))).toEqual(['rail-fares.html', 'school-meals.html']);
    expect(JSON.parse(readFileSync(join(first.dataDir, 'library.json'), 'utf8')).roots).toEqual([dir]);
    // The new instance went through the one import path for each file, and each file's bytes
    // were already in the index, so `openArticle` answered from the store without extraction.
    expect(again.imported.map((p) => basename(p)).sort()).toEqual([...SAMPLES].sort());
    const ids = again.imported.map((path) => again.repository.articleIdForFile(sha256Of(path)));
    expect(ids).toEqual(again.imported.map((path) => listing.entries.find((e) => e.path === path)!.articleId));
  });

  it('keeps at most RECENT_LIMIT recent files, newest first, one per path', async () => {
    const dir = sampleFolder(Object.fromEntries(Array.from({ length: RECENT_LIMIT + 2 }, (_, i) => [`n${i}.txt`, `Note number ${i}.`])));
    const { library } = await startLibrary();
    await library.addRoot(dir);
    for (let i = 0; i < RECENT_LIMIT + 2; i++) await library.openFile(join(dir, `n${i}.txt`));
    await library.openFile(join(dir, 'n5.txt'));
    const recent = library.list().recent.map((r) => basename(r.path));
    expect(recent).toHaveLength(RECENT_LIMIT);
    expect(recent[0]).toBe('n5.txt');
    expect(recent.filter((n) => n === 'n5.txt')).toHaveLength(1);
    expect(recent).not.toContain('n0.txt');
  });

  it('takes a recent file that is gone off the recent files when it is opened, saying so; one that fails otherwise stays', async () => {
    const { repository, library } = await startLibrary();
    const dir = temp.dir('recent');
    const [gone, empty] = [join(dir, 'gone.txt'), join(dir, 'empty.txt')];
    writeFileSync(gone, 'A note that will be moved away.');
    writeFileSync(empty, 'A note that will be emptied.');
    for (const path of [gone, empty]) library.noteOpened((await openArticle(repository, path)).article);
    rmSync(gone);
    writeFileSync(empty, '');
    await expect(library.openFile(gone)).rejects.toThrow('gone.txt: no such file; it is taken off the recent files');
    await expect(library.openFile(empty)).rejects.toThrow('empty.txt: the file is empty');
    expect(library.list().recent.map((r) => basename(r.path))).toEqual(['empty.txt']);
    await expect(library.openFile(gone)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('forgets a removed root and its entries; a missing root is listed with its error', async () => {
    const dir = sampleFolder();
    const gone = temp.dir('gone');
    const { library, dataDir } = await startLibrary();
    await library.addRoot(dir);
    await library.addRoot(gone);
    rmSync(gone, { recursive: true });
    await library.removeRoot(dir);
    expect(library.list().entries).toEqual([]);
    await library.close();
    const again = await startLibrary(dataDir);
    expect(again.library.list().roots).toEqual([{ path: gone, error: `${gone}: no such folder` }]);
  });
});

suite('damaged settings', () => {
  it('a damaged library.json is reported with its path and left in place, never reset', async () => {
    const dataDir = temp.dir('data');
    const path = join(dataDir, 'library.json');
    writeFileSync(path, '{"schemaVersion":1,"roots":"not a list","recent":[]}');
    await expect(startLibrary(dataDir)).rejects.toThrow(path);
    expect(readFileSync(path, 'utf8')).toBe('{"schemaVersion":1,"roots":"not a list","recent":[]}');
  });
});

suite('watching the roots', () => {
  it('shows a new file, a changed file and a removed file without a restart', async () => {
    const dir = sampleFolder();
    const { library } = await startLibrary();
    await library.addRoot(dir);
    const revision = library.revision;

    writeFileSync(join(dir, 'ferry-strike.txt'), 'Ferry crews walk out\n\nFerry crews on the island route stopped work at dawn on Monday.\n');
    let listing = await until(library, (l) => names(l).includes('ferry-strike.txt'));
    expect(entry(listing, 'ferry-strike.txt')).toMatchObject({ title: 'Ferry crews walk out', error: null });
    expect(listing.revision).toBeGreaterThan(revision);

    mkdirSync(join(dir, 'later'));
    writeFileSync(join(dir, 'later', 'tram.txt'), 'Tram line delayed\n\nThe new tram line will open a year late.\n');
    await until(library, (l) => names(l).includes('tram.txt'));

    writeFileSync(join(dir, 'ferry-strike.txt'), 'Ferry strike ends\n\nCrews went back to work on Tuesday.\n');
    listing = await until(library, (l) => entry(l, 'ferry-strike.txt')?.title === 'Ferry strike ends');
    expect(names(listing)).toHaveLength(6);

    writeFileSync(join(dir, 'ferry-strike.txt'), '');
    listing = await until(library, (l) => entry(l, 'ferry-strike.txt')?.error !== null);
    expect(entry(listing, 'ferry-strike.txt').error).toBe('ferry-strike.txt: the file is empty');

    rmSync(join(dir, 'rail-fares.html'));
    listing = await until(library, (l) => !names(l).includes('rail-fares.html'));
    expect(names(listing)).toEqual(['bridge-inspection.txt', 'ferry-strike.txt', 'harbour-dredging.html', 'tram.txt', 'school-meals.html']);

    rmSync(join(dir, 'later'), { recursive: true });
    listing = await until(library, (l) => !names(l).includes('tram.txt'));
    expect(names(listing)).toHaveLength(4);
  });

  it('follows no link, at the start or added later: neither a link to a file outside the root nor a link to a folder is listed or may be opened', async () => {
    const outside = temp.dir('outside');
    writeFileSync(join(outside, 'secret.txt'), 'Not chosen\n\nA file outside the library folder.\n');
    const dir = sampleFolder();
    mkdirSync(join(dir, 'sub'));
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'early-link.txt'));
    symlinkSync(dir, join(dir, 'sub', 'loop'));
    const { library } = await startLibrary();
    await library.addRoot(dir);
    symlinkSync(join(outside, 'secret.txt'), join(dir, 'late-link.txt'));
    // A file added after the links: once it is listed, the watcher has seen the links too.
    writeFileSync(join(dir, 'ferry.txt'), 'Ferry crews walk out\n\nCrews stopped work at dawn.\n');
    const listing = await until(library, (l) => names(l).includes('ferry.txt'));
    await new Promise((done) => setTimeout(done, 300));
    expect(names(library.list())).toEqual(names(listing));
    expect(names(listing).sort()).toEqual([...SAMPLES, 'ferry.txt'].sort());
    for (const link of ['early-link.txt', 'late-link.txt', join('sub', 'loop')]) expect(library.mayOpen(join(dir, link))).toBe(false);
  });

  it('stops watching a removed root', async () => {
    const dir = sampleFolder();
    const other = sampleFolder();
    const { library } = await startLibrary();
    await library.addRoot(dir);
    await library.addRoot(other);
    await library.removeRoot(dir);
    writeFileSync(join(dir, 'after.txt'), 'Written after the folder was removed.');
    // A change under the kept root proves the watchers ran since the write above.
    writeFileSync(join(other, 'marker.txt'), 'Marker.');
    const listing = await until(library, (l) => names(l).includes('marker.txt'));
    expect(names(listing)).not.toContain('after.txt');
    expect(listing.entries.every((e) => e.root === other)).toBe(true);
  });
});

/** SHA-256 (hex) of a file's bytes: the key of the repository's file index. */
function sha256Of(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
