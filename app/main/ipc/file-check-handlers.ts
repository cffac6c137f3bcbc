import { ImportError } from '../importers/errors.js';
import { readArticleFile, sha256 } from '../importers/index.js';
import { requireRecord, requireSource, type HandlerDeps, type HandlerGroup } from './context.js';

/**
 * Whether the file an open article came from still holds the bytes it was read from: `same`,
 * `changed` (other bytes: reopening it re-anchors the annotations), or `missing` (moved or
 * deleted). The file is `path` when given (one the article's text was read from: files with the
 * same text share a record), else the last one; main reads only paths it recorded for the
 * article (`HandlerError('not-found')` for another), so no other file can be asked about, and of
 * those only files the analyst chose (listed in the library, or opened: `Library.mayOpen`):
 * `unchecked` for a path an imported export names, which is not looked at until the analyst opens
 * that file. An Attest export reopened from JSON is checked like any file.
 */
export function fileCheckHandlers({ repository, library }: HandlerDeps): HandlerGroup<'article:check-file'> {
  return {
    'article:check-file': async ({ articleId, path }) => {
      const source = requireSource(requireRecord(repository, articleId), path);
      if (!library.mayOpen(source.path)) return { state: 'unchecked' };
      try {
        const file = await readArticleFile(source.path);
        return { state: sha256(file.bytes) === source.sha256 ? 'same' : 'changed' };
      } catch (error) {
        if (error instanceof ImportError && error.code === 'unreadable' && /: no such file$/.test(error.message)) return { state: 'missing' };
        // Unreadable now for another reason (too large, a folder in its place): reopening says why.
        if (error instanceof ImportError) return { state: 'changed' };
        throw error;
      }
    },
  };
}
