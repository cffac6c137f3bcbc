import { exportFileName, exportLabels, writeExport } from '../exporters/export-records.js';
import { importAnnotations } from '../interchange/import-annotations.js';
import { libraryRecords } from '../interchange/stored-records.js';
import { opened } from './article-handlers.js';
import { requireRecord, type HandlerDeps, type HandlerGroup } from './context.js';

/** Exporting where the analyst chooses in the save dialog, and importing annotation files. */
export function exportHandlers({ repository, dialogs, generator, now = () => new Date().toISOString() }: HandlerDeps): HandlerGroup<'article:export' | 'library:export' | 'annotations:import'> {
  return {
    'article:export': async ({ articleId, format, scope }) => {
      const records = scope === 'library' ? libraryRecords(repository) : [requireRecord(repository, articleId)];
      const path = await dialogs.chooseExportPath(exportFileName(records, format));
      if (!path) return null;
      await writeExport(records, format, { generator, exported: now(), labels: exportLabels(repository) }, path);
      return { path };
    },
    'library:export': async ({ articleIds, format }) => {
      const records = [...new Set(articleIds)].map((id) => requireRecord(repository, id));
      const path = await dialogs.chooseExportPath(exportFileName(records, format));
      if (!path) return null;
      await writeExport(records, format, { generator, exported: now(), labels: exportLabels(repository) }, path);
      return { path, articles: records.length };
    },
    'annotations:import': async ({ articleId }) => {
      const path = await (dialogs.chooseImportFile ? dialogs.chooseImportFile() : dialogs.chooseArticle());
      if (!path) return null;
      const report = await importAnnotations(repository, path, { articleId, now: now() });
      const record = articleId ? repository.get(articleId) : null;
      return { report, opened: record ? opened(record) : null };
    },
  };
}
