import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdirSync, readdirSync, readFileSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { importFile, MAX_FILE_BYTES } from '../../app/main/importers/index.js';
import { tempRoot } from '../support/temp.js';

const root = join(import.meta.dirname, '../..');
const fixture = (name: string) => join(root, 'test/fixtures', name);
const temp = tempRoot('cli');

const CLI = ['--import', 'tsx', join(root, 'app/cli/main.ts')];

/** Runs `attest ARGS` as the npm script does (tsx), in a child process. */
function attest(...args: string[]) {
  const run = spawnSync(process.execPath, [...CLI, ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** `attest parse FILE`'s title for each file, three processes at a time; a failure gives its stderr. */
async function parsedTitles(files: string[]): Promise<string[]> {
  const titles: string[] = [];
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      try {
        const { stdout } = await promisify(execFile)(process.execPath, [...CLI, 'parse', files[i]], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
        titles[i] = JSON.parse(stdout).title;
      } catch (error) {
        titles[i] = `failed: ${(error as { stderr?: string }).stderr ?? String(error)}`;
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return titles;
}

suite('attest parse FILE', { timeout: 60_000 }, () => {
  it.each(['structure.md', 'saved-page.mhtml', 'emoji.txt'])('%s: the Article as JSON, its text byte for byte the text importFile gives', async (name) => {
    const run = attest('parse', fixture(name));
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const parsed = JSON.parse(run.stdout);
    const article = await importFile(fixture(name));
    expect(Buffer.from(parsed.text, 'utf8').equals(Buffer.from(article.text, 'utf8'))).toBe(true);
    expect(parsed).toMatchObject({ id: article.id, title: article.title, url: article.url, dir: article.dir, lang: article.lang, encoding: article.encoding });
    expect(Object.keys(parsed)).toEqual(['id', 'title', 'byline', 'siteName', 'publishedTime', 'lang', 'dir', 'url', 'source', 'encoding', 'text', 'blocks', 'marks']);
  });

  it.each([
    ['unsupported format', () => temp.write('notes.pdf', '%PDF-1.7'), /^attest: notes\.pdf: Attest does not read \.pdf files \(it reads .*\.json\)\n$/],
    ['not text', () => temp.write('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])), /^attest: photo\.txt: the file holds binary data, not text\n$/],
    ['empty', () => temp.write('empty.md', ''), /^attest: empty\.md: the file is empty\n$/],
    ['too large', () => { const p = temp.write('huge.txt', ''); truncateSync(p, MAX_FILE_BYTES + 1); return p; }, new RegExp(`^attest: huge\\.txt: ${MAX_FILE_BYTES + 1} bytes is more than the ${MAX_FILE_BYTES}-byte limit\\n$`)],
    ['unreadable: missing', () => join(temp.root, 'missing.txt'), /^attest: missing\.txt: no such file\n$/],
    ['unreadable: a directory', () => { const p = join(temp.root, 'folder.txt'); mkdirSync(p); return p; }, /^attest: .*folder\.txt: a folder, not a file \(attest check DIR opens every article file in a folder\)\n$/],
    ['not a Word document', () => temp.write('fake.docx', 'plain words'), /^attest: fake\.docx: not a readable Word document .*\n$/],
  ])('%s: exit 2, one line on stderr naming the file and why', (_case, make, message) => {
    const run = attest('parse', make());
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });
});

const shared = process.env.ATTEST_SHARED_DIR ?? join(root, '../shared');
const webDir = join(shared, 'articles', 'web');
let pages: string[] = [];
try {
  pages = readdirSync(webDir).filter((f) => f.endsWith('.html')).sort();
} catch {
  pages = [];
}

suite('attest parse on the shared real pages', () => {
  // Reported as skipped where the shared folder is missing; required (a failure) in CI.
  it.skipIf(pages.length === 0 && process.env.ATTEST_REQUIRE_SHARED !== '1')('gives every page the title its .meta.json expects', async () => {
    expect(pages.length, `no pages in ${webDir}`).toBeGreaterThan(0);
    const titles = await parsedTitles(pages.map((page) => join(webDir, page)));
    const rows = pages.map((page, i) => [page, titles[i], JSON.parse(readFileSync(join(webDir, page.replace(/\.html$/, '.meta.json')), 'utf8')).title]);
    expect(rows.filter(([, got, expected]) => got !== expected)).toEqual([]);
  }, 300_000);
});
