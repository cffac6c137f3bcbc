import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { openArticle } from '../../app/main/ipc/article-handlers.js';
import type { Dialogs } from '../../app/main/ipc/context.js';
import { dispatch } from '../../app/main/ipc/dispatch.js';
import { createHandlers } from '../../app/main/ipc/handlers.js';
import { ArticleRepository } from '../../app/main/library/article-repository.js';
import { Library } from '../../app/main/library/library.js';
import { confStoreFactory } from '../../app/main/store/conf-store.js';
import { tempRoot } from './temp.js';

const temp = tempRoot('handlers');

/** A fresh temporary folder, removed after the test file. */
export const tempDir = (name: string): string => temp.dir(name);

/** The real handlers over a fresh data directory with `conf` stores; dialogs answered from queues. */
export function setup(dataDir = temp.dir('data')) {
  const answers = { open: [] as string[], save: [] as string[], folder: [] as string[] };
  const dialogs: Dialogs = {
    chooseArticle: async () => answers.open.shift() ?? null,
    chooseExportPath: async () => answers.save.shift() ?? null,
    chooseFolder: async () => answers.folder.shift() ?? null,
    chooseImportFile: async () => answers.open.shift() ?? null,
  };
  const repository = new ArticleRepository(dataDir, confStoreFactory, 10);
  const library = new Library({ dataDir, openStore: repository.openStore, repository, open: (path) => openArticle(repository, path) });
  const handlers = createHandlers({ repository, library, dialogs, initialPath: null, generator: { name: 'Attest', version: 'test' }, now: () => '2026-01-02T03:04:05.000Z' });
  const call = async (channel: string, payload: unknown) => dispatch(handlers, channel, payload);
  const ok = async <T = any>(channel: string, payload: unknown): Promise<T> => {
    const result = await call(channel, payload);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code}: ${result.error.message}`);
    return result.value as T;
  };
  return { dataDir, answers, repository, library, handlers, call, ok };
}

/** Exports `articleId` through `article:export` to a temp file and reads it back. */
export async function exportJson(app: ReturnType<typeof setup>, articleId: string): Promise<any> {
  const out = join(temp.dir('out'), 'export.json');
  app.answers.save.push(out);
  expect(await app.ok('article:export', { articleId })).toEqual({ path: out });
  return JSON.parse(readFileSync(out, 'utf8'));
}
