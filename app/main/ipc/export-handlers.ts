import { toAnnotatedJson } from '../../core/formats/annotated-json.js';
import { writeFileAtomic } from '../fs/write-file-atomic.js';
import { requireRecord, type HandlerDeps, type HandlerGroup } from './context.js';

/** A file name for an export of the article titled `title`. */
function exportFileName(title: string): string {
  const cleaned = title.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80);
  return `${cleaned || 'article'}.attest.json`;
}

/** Exporting annotated JSON where the analyst chooses in the save dialog. */
export function exportHandlers({ repository, dialogs, generator, now = () => new Date().toISOString() }: HandlerDeps): HandlerGroup<'article:export'> {
  return {
    'article:export': async ({ articleId }) => {
      const { article, annotations, orphans } = requireRecord(repository, articleId);
      const path = await dialogs.chooseExportPath(exportFileName(article.title));
      if (!path) return null;
      const json = toAnnotatedJson(article, annotations, { generator, exported: now() }, orphans);
      await writeFileAtomic(path, `${JSON.stringify(json, null, 2)}\n`);
      return { path };
    },
  };
}
