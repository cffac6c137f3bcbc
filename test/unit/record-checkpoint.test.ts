import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { isDue } from '../../app/main/library/article-repository.js';
import { largeText } from '../support/large-text.js';
import { setup, tempDir } from '../support/handler-app.js';

/** The annotation ids in the record file of `articleId` as it is on disk now. */
function idsOnDisk(dataDir: string, articleId: string): string[] {
  return JSON.parse(readFileSync(join(dataDir, 'articles', `${articleId}.json`), 'utf8')).annotations.map((a: { id: string }) => a.id);
}

/** Opens a text of about 400,000 characters (a record well over 256 KiB) and returns the app, the article and the record file. */
async function largeArticle() {
  const app = setup();
  const path = join(tempDir('large'), 'report.txt');
  writeFileSync(path, largeText(400_000));
  const { article } = await app.ok('article:open-dropped', { path });
  const record = join(app.dataDir, 'articles', `${article.id}.json`);
  const tag = (i: number) => app.ok('annotation:create', { articleId: article.id, type: 'claim', start: i * 450, end: i * 450 + 9 });
  return { app, article, record, journal: record.replace(/\.json$/, '.journal'), tag };
}

suite('checkpoints: a large record is rewritten once its journal has grown, not after each change', () => {
  it('isDue: a small record always; a large one once its journal is an eighth of it', () => {
    expect(isDue({ record: 200_000, journal: 0 })).toBe(true);
    expect(isDue({ record: 256 * 1024, journal: 10 })).toBe(true);
    expect(isDue({ record: 3_000_000, journal: 374_999 })).toBe(false);
    expect(isDue({ record: 3_000_000, journal: 375_000 })).toBe(true);
  });

  it('a change to a large record stays in its journal at the checkpoint; a killed process finds it; flush writes the record', async () => {
    const { app, article, record, journal, tag } = await largeArticle();
    expect(statSync(record).size).toBeGreaterThan(256 * 1024);
    const first = await tag(1);
    app.repository.checkpoint();
    expect(idsOnDisk(app.dataDir, article.id)).toEqual([]);
    expect(readFileSync(journal, 'utf8')).toContain(first.id);

    const copy = tempDir('killed');
    cpSync(app.dataDir, copy, { recursive: true });
    expect(setup(copy).repository.get(article.id)!.annotations.map((a) => a.id)).toEqual([first.id]);

    app.repository.flush();
    expect(idsOnDisk(app.dataDir, article.id)).toEqual([first.id]);
    expect(existsSync(journal)).toBe(false);
  });

  it('the checkpoint after the journal reaches an eighth of the record writes it and removes the journal', async () => {
    const { app, article, record, journal, tag } = await largeArticle();
    const eighth = statSync(record).size / 8;
    const ids: string[] = [];
    for (;;) {
      ids.push((await tag(ids.length)).id);
      if (statSync(journal).size >= eighth) break;
      app.repository.checkpoint();
      expect(idsOnDisk(app.dataDir, article.id)).toEqual([]);
    }
    expect(ids.length).toBeGreaterThan(50);
    app.repository.checkpoint();
    expect(idsOnDisk(app.dataDir, article.id)).toEqual(ids);
    expect(existsSync(journal)).toBe(false);
  });
});
