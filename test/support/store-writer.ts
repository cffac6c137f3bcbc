import { describe } from '../../app/core/anchoring/describe.js';
import type { Annotation } from '../../app/core/annotation.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { withDataDirLock } from '../../app/main/store/data-dir-lock.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';

/**
 * A child process that saves annotations through `ArticleRepository` (conf stores) in a loop and
 * prints the id of each one (the article is stored already) once its write is done (`flush`), one line each:
 * `store-writer DATA_DIR ARTICLE_ID loop` writes as fast as it can until killed;
 * `store-writer DATA_DIR ARTICLE_ID journal` the same, but prints each id once `addAnnotation`
 * returns (as main answers), never flushing: the record is not written, only the article's journal;
 * `store-writer DATA_DIR ARTICLE_ID locked N NAME` writes N annotations, each through the data
 * directory's lock with a repository opened afresh (what a command-line write does).
 */
const [dataDir, articleId, mode, count, name] = process.argv.slice(2);

async function annotateOnce(repository: ArticleRepository, label: string, flush = true): Promise<string> {
  const record = repository.get(articleId);
  if (!record) throw new Error(`no article ${articleId} in ${dataDir}`);
  const { article } = record;
  const n = record.annotations.length;
  const start = n % (article.text.length - 1);
  const time = new Date().toISOString();
  const annotation: Annotation = { id: `${label}-${n}-${process.pid}-${Math.random().toString(36).slice(2)}`, type: 'claim', target: describe(article.text, start, start + 1), note: label, links: [], created: time, modified: time };
  repository.addAnnotation(article.id, annotation);
  if (flush) repository.flush();
  return annotation.id;
}

if (mode === 'loop') {
  const repository = new ArticleRepository(dataDir, confStoreFactory, 1e9);
  for (;;) process.stdout.write(`${await annotateOnce(repository, 'loop')}\n`);
} else if (mode === 'journal') {
  const repository = new ArticleRepository(dataDir, confStoreFactory, 1e9);
  for (;;) process.stdout.write(`${await annotateOnce(repository, 'journal', false)}\n`);
} else {
  for (let i = 0; i < Number(count); i++) {
    const id = await withDataDirLock(dataDir, 'cli', () => annotateOnce(new ArticleRepository(dataDir, confStoreFactory, 1e9), name), 30_000);
    process.stdout.write(`${id}\n`);
  }
}
