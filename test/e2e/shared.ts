import { test } from '@playwright/test';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ROOT } from './runtime.js';

/** The shared articles beside the repository (`../shared/articles`), or `ATTEST_SHARED_DIR`/articles. */
export const SHARED_ARTICLES = join(resolve(process.env.ATTEST_SHARED_DIR ?? join(ROOT, '..', 'shared')), 'articles');

/**
 * Specs on the shared real articles need that folder. Outside this project's machines it may be
 * missing: the spec is then reported as skipped with the reason, and with
 * `ATTEST_REQUIRE_SHARED=1` (as in CI) it fails instead.
 */
export function requireSharedArticles(): void {
  if (existsSync(SHARED_ARTICLES)) return;
  if (process.env.ATTEST_REQUIRE_SHARED === '1') throw new Error(`${SHARED_ARTICLES} is missing (set ATTEST_SHARED_DIR to the shared folder)`);
  test.skip(true, `${SHARED_ARTICLES} is missing: set ATTEST_SHARED_DIR to run the specs on the shared articles`);
}
