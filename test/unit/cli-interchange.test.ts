import { spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe as suite, expect, it } from 'vitest';
import { changedFileLibrary } from '../support/changed-file-library.js';
import { exportProblems } from '../support/check-export.js';
import { setup } from '../support/handler-app.js';
import { tempRoot } from '../support/temp.js';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => join(root, 'test/fixtures', name);
const temp = tempRoot('cli-interchange');

/** Runs `attest ARGS` as the npm script does (tsx), in a child process. */
function attest(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'app/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** A data directory written by the app's real handlers: two articles, three annotations. */
async function appDataDir() {
  const app = setup(temp.dir('data'));
  const emoji = await app.ok('article:open-dropped', { path: fixture('emoji.txt') });
  const crlf = await app.ok('article:open-dropped', { path: fixture('interchange-crlf.txt') });
  const claim = emoji.article.text.indexOf('CLAIM');
  await app.ok('annotation:create', { articleId: emoji.article.id, type: 'claim', start: claim, end: claim + 5 });
  const mayor = crlf.article.text.indexOf('The mayor');
  await app.ok('annotation:create', { articleId: crlf.article.id, type: 'source', start: mayor, end: mayor + 9 });
  const fares = crlf.article.text.indexOf('fares');
  await app.ok('annotation:create', { articleId: crlf.article.id, type: 'quote', start: fares, end: crlf.article.text.indexOf('Monday') });
  app.repository.flush();
  return { dataDir: app.dataDir, ids: [emoji.article.id, crlf.article.id] };
}

suite('attest export: the whole library of a data directory the app wrote', { timeout: 120_000 }, () => {
  it('in every format', async () => {
    const { dataDir, ids } = await appDataDir();
    const out = temp.dir('out');

    const json = attest('export', '--data', dataDir, '--format', 'json', '--out', join(out, 'library.json'));
    expect(json.stderr).toBe(`exported 2 articles to ${join(out, 'library.json')}\n`);
    expect(json.status).toBe(0);
    const library = JSON.parse(readFileSync(join(out, 'library.json'), 'utf8'));
    expect(exportProblems(library)).toEqual([]);
    expect(library.articles.map((e: any) => [e.article.id, e.annotations.length]).sort()).toEqual([[ids[0], 1], [ids[1], 2]].sort());

    // Without --out the export goes to stdout.
    const w3c = attest('export', '--data', dataDir, '--format', 'w3c');
    expect(w3c.status).toBe(0);
    const collection = JSON.parse(w3c.stdout);
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(3);
    expect(new Set(collection.first.items.map((a: any) => a.target.source))).toEqual(new Set(ids.map((id) => `urn:sha256:${id}`)));

    const csv = attest('export', '--data', dataDir, '--format', 'csv', '--out', join(out, 'library.csv'));
    expect(csv.status).toBe(0);
    const bytes = readFileSync(join(out, 'library.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.exact).sort()).toEqual(['CLAIM', 'The mayor', 'fares will rise 🚆 by 5%" on'].sort());
    const claim = rows.find((r) => r.exact === 'CLAIM')!;
    expect([claim.start, claim.end, claim.startCodePoint, claim.endCodePoint]).toEqual(['11', '16', '10', '15']);

    const brat = attest('export', '--data', dataDir, '--format', 'brat', '--out', join(out, 'brat'));
    expect(brat.status).toBe(0);
    expect(readdirSync(join(out, 'brat')).sort()).toEqual([...ids.flatMap((id) => [`${id}.ann`, `${id}.txt`]), 'annotation.conf', 'visual.conf'].sort());
    expect(readFileSync(join(out, 'brat', `${ids[0]}.ann`), 'utf8')).toBe('T1\tclaim 10 15\tCLAIM\n');
  });

  it("carries the data directory's own labels, as the app exports them", async () => {
    const app = setup(temp.dir('labelled'));
    await app.ok('labels:add', { name: 'Disputed', colour: '#7b1fa2', key: 'd' });
    const { article } = await app.ok('article:open-dropped', { path: fixture('emoji.txt') });
    const claim = article.text.indexOf('CLAIM');
    await app.ok('annotation:create', { articleId: article.id, type: 'disputed', start: claim, end: claim + 5 });
    app.repository.flush();
    const json = attest('export', '--data', app.dataDir);
    expect(json.status).toBe(0);
    const exported = JSON.parse(json.stdout);
    expect(exportProblems(exported)).toEqual([]);
    expect(exported.labels.at(-1)).toEqual({ id: 'disputed', name: 'Disputed', colour: '#7b1fa2' });
    expect(exported.annotations.map((a: any) => [a.type, a.exact])).toEqual([['disputed', 'CLAIM']]);
    const out = join(temp.dir('labelled-brat'), 'brat');
    expect(attest('export', '--data', app.dataDir, '--format', 'brat', '--out', out).status).toBe(0);
    expect(readFileSync(join(out, 'visual.conf'), 'utf8')).toContain('disputed | Disputed\n');
  });

  it('lists a file that changed after tagging once, its current record; the superseded one only by id', async () => {
    const app = setup(temp.dir('changed'));
    const lib = await changedFileLibrary(app);
    const json = attest('export', '--data', app.dataDir);
    expect(json.status).toBe(0);
    const library = JSON.parse(json.stdout);
    expect(exportProblems(library)).toEqual([]);
    expect(library.articles.map((e: any) => e.article.id).sort()).toEqual([lib.current, lib.emoji].sort());
    expect(library.articles.flatMap((e: any) => e.annotations.map((a: any) => a.id)).sort()).toEqual([...lib.ids].sort());
    const csv = attest('export', '--data', app.dataDir, '--format', 'csv');
    expect(csv.status).toBe(0);
    const rows = parse(csv.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.id).sort()).toEqual([...lib.ids].sort());
    const old = attest('export', '--data', app.dataDir, lib.superseded);
    expect(old.status).toBe(0);
    expect(JSON.parse(old.stdout)).toMatchObject({ format: 'attest.annotated-article', article: { id: lib.superseded } });
  });

  it('FILE names an article by the path it was opened from', async () => {
    const { dataDir, ids } = await appDataDir();
    const run = attest('export', '--data', dataDir, fixture('emoji.txt'));
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ format: 'attest.annotated-article', article: { id: ids[0] } });
  });

  it('import then export through the CLI gives the same annotations', async () => {
    const { dataDir } = await appDataDir();
    const out = temp.dir('round');
    expect(attest('export', '--data', dataDir, '--out', join(out, 'first.json')).status).toBe(0);
    const empty = join(out, 'empty-data');
    const imported = attest('import', join(out, 'first.json'), '--data', empty);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/^imported 3 annotations into .*: 3 by position, 0 by quote, 0 by fuzzy quote, 0 kept as orphans; 0 already there; 0 not read\n$/);
    expect(attest('export', '--data', empty, '--out', join(out, 'second.json')).status).toBe(0);
    const annotations = (file: string) => JSON.parse(readFileSync(join(out, file), 'utf8')).articles.map((e: any) => e.annotations);
    expect(annotations('second.json')).toEqual(annotations('first.json'));
  });
});

suite('attest import of W3C with --article', { timeout: 60_000 }, () => {
  it('opens the article into an empty data directory and anchors the W3C export there', async () => {
    const { dataDir, ids } = await appDataDir();
    const out = temp.dir('w3c-article');
    expect(attest('export', '--data', dataDir, '--format', 'w3c', '--out', join(out, 'crlf.jsonld'), fixture('interchange-crlf.txt')).status).toBe(0);
    const empty = join(out, 'empty');
    const run = attest('import', join(out, 'crlf.jsonld'), '--data', empty, '--article', fixture('interchange-crlf.txt'));
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^imported 2 annotations into "Council votes on fare rise": 2 by position/);
    const again = attest('export', '--data', empty, '--format', 'w3c');
    const items = (text: string) => JSON.parse(text).first.items;
    expect(items(again.stdout)).toEqual(items(readFileSync(join(out, 'crlf.jsonld'), 'utf8')));
    expect(items(again.stdout)[0].target.source).toBe(`urn:sha256:${ids[1]}`);
  });
});

suite('attest export and import: bad arguments and unreadable input exit 2 with one line', { timeout: 60_000 }, () => {
  it.each([
    ['an unknown format', () => ['export', '--data', temp.dir('x'), '--format', 'xml'], /^attest: --format needs one of json, w3c, csv, brat, not xml\n$/],
    ['a folder with no data', () => ['export', '--data', temp.dir('nodata')], /^attest: --data .*: no Attest data there \(no index\.json\)\n$/],
    ['brat without --out', () => ['export', '--format', 'brat'], /^attest: --format brat writes a folder: give it with --out DIR\n$/],
    ['an unknown argument', () => ['import', 'x.json', '--force'], /^attest: unknown argument --force\n$/],
    ['import without FILE', () => ['import'], /^attest: usage: attest import FILE/],
    ['import of a missing file', () => ['import', join(temp.root, 'gone.json'), '--data', temp.dir('d')], /^attest: gone\.json: no such file\n$/],
    ['import of invalid UTF-8', () => ['import', temp.write('latin.json', new Uint8Array([0x5b, 0x22, 0xe9, 0x22, 0x5d])), '--data', temp.dir('d')], /^attest: latin\.json: not UTF-8 \(an import is read as strict UTF-8\)\n$/],
  ])('%s', (_case, args, message) => {
    const run = attest(...args());
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expect(run.status).toBe(2);
  });

  it('a damaged article record is kept aside, its last good copy exported, and the analyst told', async () => {
    const { dataDir, ids } = await appDataDir();
    const record = join(dataDir, 'articles', `${ids[0]}.json`);
    // The good copy a later write would have left beside it (safe-store keeps one per write).
    copyFileSync(record, `${record}.bak`);
    writeFileSync(record, '{"schemaVersion": 2, "article": {}}');
    const run = attest('export', '--data', dataDir);
    expect(run.status).toBe(0);
    const told = new RegExp(`^attest: .*${ids[0]}\\.json was damaged \\(.*\\); kept as (.*\\.damaged-[^;]*); its last good copy was restored from .*\\.bak$`, 'm').exec(run.stderr);
    expect(told, run.stderr).not.toBeNull();
    expect(readFileSync(told![1], 'utf8')).toBe('{"schemaVersion": 2, "article": {}}');
    expect(JSON.parse(run.stdout).articles.map((a: { article: { id: string } }) => a.article.id)).toContain(ids[0]);
  });

  it('while the app holds the data directory: exports every change it confirmed, journal included, and changes no file', async () => {
    const app = setup(temp.dir('held'));
    const { acquireDataDirLock } = await import('../../app/main/store/data-dir-lock.js');
    const lock = await acquireDataDirLock(app.dataDir, 'app');
    try {
      const { article } = await app.ok('article:open-dropped', { path: fixture('emoji.txt') });
      const at = article.text.indexOf('CLAIM');
      const written = await app.ok('annotation:create', { articleId: article.id, type: 'claim', start: at, end: at + 5 });
      app.repository.flush();
      // Confirmed by main but not yet in the record file: only in the article's journal.
      const noted = await app.ok('annotation:update', { articleId: article.id, id: written.id, patch: { note: 'checked' } });
      const journalled = await app.ok('annotation:create', { articleId: article.id, type: 'source', start: 0, end: 2 });
      expect(readdirSync(join(app.dataDir, 'articles'))).toContain(`${article.id}.journal`);
      const files = () => readdirSync(app.dataDir, { recursive: true, encoding: 'utf8' }).sort().map((f) => { const p = join(app.dataDir, f); return statSync(p).isFile() ? [f, readFileSync(p, 'utf8')] : [f]; });
      const before = files();

      const run = attest('export', '--data', app.dataDir);
      expect(run.stderr).toMatch(/^attest: another Attest has the data directory open \(app, pid \d+\); exporting every change it has confirmed, without changing any file\n$/);
      expect(run.status).toBe(0);
      const exported = JSON.parse(run.stdout);
      expect(exportProblems(exported)).toEqual([]);
      // In the text's order: the source at 0 first.
      expect(exported.annotations.map((a: any) => [a.id, a.note])).toEqual([[journalled.id, ''], [written.id, noted.annotation.note]]);
      expect(noted.annotation.note).toBe('checked');
      expect(files()).toEqual(before);
    } finally {
      lock.release();
    }
  });

  it('while the app holds the data directory, a journal line that cannot be read is refused by name and left where it is', async () => {
    const { dataDir, ids } = await appDataDir();
    const journal = join(dataDir, 'articles', `${ids[0]}.journal`);
    writeFileSync(journal, 'not json\n{"changes":[]}\n');
    const { acquireDataDirLock } = await import('../../app/main/store/data-dir-lock.js');
    const lock = await acquireDataDirLock(dataDir, 'app');
    try {
      const run = attest('export', '--data', dataDir);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(`attest: ${journal}: line 1 cannot be read (`);
      expect(readFileSync(journal, 'utf8')).toBe('not json\n{"changes":[]}\n');
    } finally {
      lock.release();
    }
  });

  it('export of a FILE the library does not hold', async () => {
    const { dataDir } = await appDataDir();
    const run = attest('export', '--data', dataDir, fixture('nbsp.txt'));
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^attest: .*nbsp\.txt: not in the library of .* \(open it in Attest first\)\n$/);
  });
});
