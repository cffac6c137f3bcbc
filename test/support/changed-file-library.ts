import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { tempDir, type setup } from './handler-app.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);

/**
 * Fills `app`'s data directory through its handlers with a file that changed after tagging:
 * `rates.txt` (a temp file) with its first text (two annotations), then its second (both carried
 * over, one more added), and `emoji.txt` beside it (one claim); written to disk. Returns the
 * file's path, the superseded and current article ids, emoji's, and every annotation id once.
 */
export async function changedFileLibrary(app: ReturnType<typeof setup>) {
  const path = join(tempDir('article'), 'rates.txt');
  writeFileSync(path, 'The tax rate rose. The fee rate fell.');
  const first = await app.ok('article:open-dropped', { path });
  const tag = async (articleId: string, text: string, type: string, exact: string) => {
    const start = text.indexOf(exact);
    return (await app.ok('annotation:create', { articleId, type, start, end: start + exact.length })).id as string;
  };
  const earlier = [await tag(first.article.id, first.article.text, 'claim', 'tax rate rose'), await tag(first.article.id, first.article.text, 'source', 'The fee')];
  writeFileSync(path, 'Note: The tax rate rose. The fee rate fell sharply.');
  const second = await app.ok('article:open-dropped', { path });
  expect(second.annotations.map((a: { id: string }) => a.id).sort()).toEqual([...earlier].sort());
  const later = await tag(second.article.id, second.article.text, 'quote', 'fell sharply');
  const emoji = await app.ok('article:open-dropped', { path: fixture('emoji.txt') });
  const claim = await tag(emoji.article.id, emoji.article.text, 'claim', 'CLAIM');
  app.repository.flush();
  return { path, superseded: first.article.id, current: second.article.id, emoji: emoji.article.id, ids: [...earlier, later, claim] };
}
