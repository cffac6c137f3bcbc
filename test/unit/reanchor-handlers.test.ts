import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import { sha256 } from '../../app/main/importers/index.js';
import { exportProblems } from '../support/check-export.js';
import { exportJson, setup, tempDir } from '../support/handler-app.js';

const FIRST = 'The tax rate rose. The fee rate fell.';
const SECOND = `Note: ${FIRST}`;
const THIRD = 'Note: The tax rate rose. The fee fell.';

/** A real article file in a temp dir, rewritten between openings as an analyst's editor would. */
function articleFile(text: string): { path: string; rewrite(text: string): void } {
  const path = join(tempDir('article'), 'rates.txt');
  writeFileSync(path, text);
  return { path, rewrite: (next) => writeFileSync(path, next) };
}

suite('re-anchoring when the file at a known path changes', () => {
  it('moves the second "rate" when text is added before it, then orphans it when its own word is gone; earlier records stay as they were', async () => {
    const app = setup();
    const file = articleFile(FIRST);
    const first = await app.ok('article:open-dropped', { path: file.path });
    const tagged = await app.ok('annotation:create', { articleId: first.article.id, type: 'claim', start: 27, end: 31 });
    app.repository.flush();
    const firstStore = join(app.dataDir, 'articles', `${first.article.id}.json`);
    const firstBytes = readFileSync(firstStore, 'utf8');

    file.rewrite(SECOND);
    const second = await app.ok('article:open-dropped', { path: file.path });
    expect(second.article.id).toBe(sha256(SECOND));
    expect(second.orphans).toEqual([]);
    expect(second.annotations).toEqual([{ ...tagged, target: describe(SECOND, 33, 37) }]);
    expect(SECOND.slice(33, 37)).toBe('rate');
    expect(SECOND.indexOf('rate')).not.toBe(33);

    file.rewrite(THIRD);
    const third = await app.ok('article:open-dropped', { path: file.path });
    expect(third.annotations).toEqual([]);
    expect(third.orphans).toEqual([{ ...tagged, target: second.annotations[0].target, reason: 'the quoted text is in the article only in another context' }]);

    const json = await exportJson(app, third.article.id);
    expect(exportProblems(json)).toEqual([]);
    expect(json.annotations).toEqual([
      { id: tagged.id, type: 'claim', orphan: true, exact: 'rate', prefix: 'ote: The tax rate rose. The fee ', suffix: ' fell.', note: '', links: [], created: tagged.created, modified: tagged.modified },
    ]);

    app.repository.flush();
    expect(readFileSync(firstStore, 'utf8')).toBe(firstBytes);
    // A new process finds the orphan kept on the record.
    const again = setup(app.dataDir);
    const reopened = await again.ok('article:open-dropped', { path: file.path });
    expect(reopened.orphans.map((o: any) => o.id)).toEqual([tagged.id]);
    expect(reopened.annotations).toEqual([]);
  });

  it('opening the same changed file twice carries each annotation once', async () => {
    const app = setup();
    const file = articleFile(FIRST);
    const first = await app.ok('article:open-dropped', { path: file.path });
    await app.ok('annotation:create', { articleId: first.article.id, type: 'quote', start: 4, end: 12 });
    file.rewrite(SECOND);
    await app.ok('article:open-dropped', { path: file.path });
    const twice = await app.ok('article:open-dropped', { path: file.path });
    expect(twice.annotations.map((a: any) => [a.target.position.start, a.target.quote.exact])).toEqual([[10, 'tax rate']]);
  });

  it('a data directory of version 1 opens: records read as they are, paths rebuilt from them, so a changed file still carries its annotations', async () => {
    const dataDir = tempDir('v1');
    const file = articleFile(FIRST);
    const app = setup(dataDir);
    const first = await app.ok('article:open-dropped', { path: file.path });
    const tagged = await app.ok('annotation:create', { articleId: first.article.id, type: 'claim', start: 27, end: 31 });
    app.repository.flush();
    // Written as version 1 wrote them: no orphans on records, no paths in the index.
    mkdirSync(join(dataDir, 'articles'), { recursive: true });
    const v1Record = { schemaVersion: 1, article: first.article, annotations: [tagged] };
    writeFileSync(join(dataDir, 'articles', `${first.article.id}.json`), JSON.stringify(v1Record));
    writeFileSync(join(dataDir, 'index.json'), JSON.stringify({ schemaVersion: 1, files: { [sha256(FIRST)]: first.article.id } }));

    const upgraded = setup(dataDir);
    expect(JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'))).toEqual({ schemaVersion: 2, files: { [sha256(FIRST)]: first.article.id }, paths: { [file.path]: first.article.id } });
    const same = await upgraded.ok('article:open-dropped', { path: file.path });
    expect(same).toEqual({ article: first.article, annotations: [tagged], orphans: [] });
    file.rewrite(SECOND);
    const moved = await upgraded.ok('article:open-dropped', { path: file.path });
    expect(moved.annotations.map((a: any) => [a.id, a.target.position.start, a.target.position.end])).toEqual([[tagged.id, 33, 37]]);
    upgraded.repository.flush();
    expect(JSON.parse(readFileSync(join(dataDir, 'index.json'), 'utf8'))).toMatchObject({ schemaVersion: 2, paths: { [file.path]: moved.article.id } });
    // The file was read again once (a version 1 record does not say which file its metadata came
    // from), so the record was written in version 2 with that file's view; its annotations as they were.
    const { id: _id, text: _text, ...view } = first.article;
    expect(JSON.parse(readFileSync(join(dataDir, 'articles', `${first.article.id}.json`), 'utf8'))).toEqual({ ...v1Record, schemaVersion: 2, orphans: [], sources: { [file.path]: view } });
  });
});
