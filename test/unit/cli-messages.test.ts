import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe as suite, expect, it } from 'vitest';
import { exportText } from '../../app/main/exporters/export-records.js';
import { importAttestExport } from '../../app/main/importers/attest-json.js';
import { importFile, sha256 } from '../../app/main/importers/index.js';
import { GOLDEN_META } from '../support/interchange-fixture.js';
import { setup } from '../support/handler-app.js';
import { tempRoot } from '../support/temp.js';

const root = join(import.meta.dirname, '../..');
const temp = tempRoot('cli-messages');

/** Runs `attest ARGS` as the npm script does (tsx), in a child process. */
function attest(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'app/cli/main.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** An annotated-JSON export of a one-line article, and a library export of it and another. */
async function exports(dir: string): Promise<{ single: string; library: string }> {
  const one = await importFile(temp.write('one.txt', 'One short article about rivers.'));
  const two = await importFile(temp.write('two.txt', 'Another about hills.'));
  const single = join(dir, 'one.attest.json');
  const library = join(dir, 'library.attest.json');
  writeFileSync(single, exportText([{ article: one, annotations: [], orphans: [] }], 'json', GOLDEN_META));
  writeFileSync(library, exportText([one, two].map((article) => ({ article, annotations: [], orphans: [] })), 'json', GOLDEN_META));
  return { single, library };
}

suite('attest: help and messages', { timeout: 120_000 }, () => {
  it.each(['--help', '-h'])('%s: the usage on stdout, exit 0', (flag) => {
    const run = attest(flag);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^usage: attest COMMAND/);
    for (const command of ['parse FILE', 'check DIR', 'serve', 'export', 'import FILE']) expect(run.stdout).toContain(`attest ${command}`);
  });

  it('an unknown command: exit 2, usage on stderr, pointing to --help', () => {
    const run = attest('frobnicate');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^attest: unknown command frobnicate; usage: .*\(attest --help for more\)\n$/);
  });

  it('parse DIR says it is a folder and names check', () => {
    const dir = temp.dir('a-folder');
    const run = attest('parse', dir);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`attest: ${dir}: a folder, not a file (attest check DIR opens every article file in a folder)\n`);
  });

  it('check DIR opens Attest article exports and names every other .json it passes over, with why', async () => {
    const dir = temp.dir('check');
    const { single, library } = await exports(dir);
    writeFileSync(join(dir, 'page.meta.json'), '{"title": "metadata"}');
    writeFileSync(join(dir, 'broken.json'), '{"format": "attest.annotated-art');
    writeFileSync(join(dir, 'story.txt'), 'A story.');
    const run = attest('check', dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ok    ${single}  \\d+ ms  31 chars  "one"$`)));
    expect(lines).toContainEqual(`skip  ${library}  an Attest library export (several articles), not one article: bring it in with attest import`);
    expect(lines).toContainEqual(`skip  ${join(dir, 'page.meta.json')}  not an article file: JSON, but not an Attest article export (its "format" is missing, not "attest.annotated-article")`);
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^skip  ${join(dir, 'broken.json')}  not an article file: not UTF-8 JSON \\(.+\\)$`)));
    expect(lines.at(-1)).toBe('2 opened, 0 failed, 3 skipped (not article files), of 5 files');
  });

  it('check DIR: an Attest article export that does not read is a failure, exit 1', () => {
    const dir = temp.dir('check-bad');
    writeFileSync(join(dir, 'bad.json'), '{"format": "attest.annotated-article", "version": 1}');
    const run = attest('check', dir);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`FAIL  ${join(dir, 'bad.json')}  bad.json: not an Attest export`);
  });

  it('import of a missing file fails without creating the data folder', () => {
    const data = join(temp.root, 'never-made');
    const run = attest('import', join(temp.root, 'gone.jsonld'), '--data', data);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('attest: gone.jsonld: no such file\n');
    expect(existsSync(data)).toBe(false);
    const article = attest('import', temp.write('present.jsonld', '[]'), '--data', data, '--article', join(temp.root, 'gone.txt'));
    expect(article.status).toBe(2);
    expect(article.stderr).toBe('attest: --article gone.txt: no such file\n');
    expect(existsSync(data)).toBe(false);
  });

  it('export whose only record is damaged with no good copy: writes what it could, says so on stderr, exit 1', async () => {
    const app = setup(temp.dir('damaged'));
    const { article } = await app.ok('article:open-dropped', { path: temp.write('damaged.txt', 'A text whose record breaks.') });
    app.repository.flush();
    const record = join(app.dataDir, 'articles', `${article.id}.json`);
    writeFileSync(record, '{"schemaVersion": 2, "article": {}}');
    rmSync(`${record}.bak`, { force: true });
    const out = join(temp.root, 'damaged.csv');
    const run = attest('export', '--data', app.dataDir, '--format', 'csv', '--out', out);
    expect(run.status).toBe(1);
    expect(parse(readFileSync(out), { bom: true })).toHaveLength(1);
    expect(run.stderr).toMatch(new RegExp(`${article.id}\\.json was damaged .*no good copy was found, so the export leaves it out\\n`));
    expect(run.stderr).toMatch(/attest: the export is incomplete: 1 damaged record left out \(exit status 1\)\n$/);
  });
});

suite('opening a library export as an article', () => {
  it('says it is a library export and to use Import…', async () => {
    const dir = temp.dir('open-library');
    const { library } = await exports(dir);
    const bytes = new Uint8Array(readFileSync(library));
    expect(() => importAttestExport({ path: library, sha256: sha256(bytes), bytes }, sha256)).toThrow(
      'library.attest.json: an Attest library export (several articles), not one article: use Import… in the Export and import bar (or attest import) to bring its articles and annotations into the library',
    );
  });
});
