import { TextDecoder } from '@exodus/bytes/encoding.js';
import { ANNOTATED_ARTICLE_FORMAT, ANNOTATED_LIBRARY_FORMAT } from '../core/formats/annotated-json.js';
import { readBoundedFile } from '../main/importers/index.js';

/**
 * Why the `.json` file at `path` is not an article file for `attest check`, in words for the
 * terminal; null when it is one to open (an Attest annotated-article export, as Open opens it) or
 * when it cannot be read at all (opening it then says why, as for any article file). A `.json`
 * file in a folder of articles is often something else (a page's metadata), so it is passed over
 * with the reason rather than counted as a failure: not strict UTF-8 JSON, a library export (read
 * with `attest import`), or JSON of another kind.
 */
export async function jsonArticle(path: string): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await readBoundedFile(path);
  } catch {
    return null;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, ''));
  } catch (error) {
    return `not an article file: not UTF-8 JSON (${(error as Error).message})`;
  }
  const format = json && typeof json === 'object' && !Array.isArray(json) ? (json as { format?: unknown }).format : undefined;
  if (format === ANNOTATED_ARTICLE_FORMAT) return null;
  if (format === ANNOTATED_LIBRARY_FORMAT) return 'an Attest library export (several articles), not one article: bring it in with attest import';
  return `not an article file: JSON, but not an Attest article export (its "format" is ${typeof format === 'string' ? JSON.stringify(format) : 'missing'}, not "${ANNOTATED_ARTICLE_FORMAT}")`;
}
