import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { exportFileName, exportLabels, writeExport, type ExportRecord } from '../exporters/export-records.js';
import { sha256 } from '../importers/index.js';
import { importAnnotations } from '../interchange/import-annotations.js';
import { libraryRecords } from '../interchange/stored-records.js';
import { opened } from './article-handlers.js';
import { requireRecord, type HandlerDeps, type HandlerGroup } from './context.js';
import type { ArticleRepository } from '../library/article-repository.js';

/**
 * After one article was exported as annotated JSON to `path`: when that article was opened from
 * an Attest export at `path` (a "save" over the file it came from), its record now names the
 * bytes just written, so the file does not read as changed on disk by someone else. The text is
 * the record's own, so the article is the same.
 */
async function noteOwnExport(repository: ArticleRepository, record: ExportRecord, path: string): Promise<void> {
  const at = resolve(path);
  const view = repository.get(record.article.id)?.sources[at];
  if (!view || view.source.format !== 'attest-json') return;
  const written = sha256(await readFile(at));
  if (written !== view.source.sha256) repository.put({ ...view, id: record.article.id, text: record.article.text, source: { ...view.source, sha256: written } });
}

/** Exporting where the analyst chooses in the save dialog, and importing annotation files. */
export function exportHandlers({ repository, dialogs, generator, now = () => new Date().toISOString() }: HandlerDeps): HandlerGroup<'article:export' | 'library:export' | 'annotations:import'> {
  return {
    'article:export': async ({ articleId, format, scope }) => {
      const records = scope === 'library' ? libraryRecords(repository) : [requireRecord(repository, articleId)];
      const path = await dialogs.chooseExportPath(exportFileName(records, format));
      if (!path) return null;
      await writeExport(records, format, { generator, exported: now(), labels: exportLabels(repository) }, path);
      if (format === 'json' && records.length === 1) await noteOwnExport(repository, records[0], path);
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
