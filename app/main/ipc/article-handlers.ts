import { basename } from 'node:path';
import type { Annotation, OrphanAnnotation } from '../../core/annotation.js';
import type { Article } from '../../core/article.js';
import type { EncodingChoice } from '../../core/encodings.js';
import type { ExportLabel } from '../../core/formats/labels.js';
import type { OpenedArticle } from '../../core/ipc.js';
import { importAttestExport } from '../importers/attest-json.js';
import { ImportError } from '../importers/errors.js';
import { adoptImportedLabels } from '../labels/adopt-labels.js';
import { importArticle, readArticleFile, sha256 } from '../importers/index.js';
import type { ArticleRecord, ArticleRepository } from '../library/article-repository.js';
import { noticeFor, previousAtPath, putCarrying } from '../library/carry-over.js';
import { carryImported } from '../interchange/carry-imported.js';
import { HandlerError, requireRecord, requireSource, type HandlerDeps, type HandlerGroup } from './context.js';

/** A stored record as the reader receives it: the article, its annotations and its orphans. */
export function opened(record: ArticleRecord): OpenedArticle {
  return { article: record.article, annotations: record.annotations, orphans: record.orphans };
}

/**
 * Opens the article file at `path` through the one import path: a file opened before with the
 * same bytes comes back from the store without extraction; other files are imported (in the
 * encoding the analyst chose for their bytes, if any), and a text seen before (same
 * canonical-text hash, e.g. a renamed copy or another encoding) keeps its annotations while the
 * article shown carries this file's own source, encoding and metadata. When the file at this
 * path held another text before (it changed), that article's annotations are re-anchored in this
 * one (moved, or kept as orphans), and when this text has a record already (the file went back
 * to it), what was changed or deleted at the other text since holds here too
 * (`carryFromPrevious`); the other record stays as it was. Unless that would mix another file's
 * annotations in (`carryDecision`: the file now holds another file's text, or goes back to its own
 * from another file's): then nothing is carried and the result's `notice` says so, at every
 * opening of the file in this session while it holds that text. An Attest export (`.json`) reopens its article with its
 * annotations anchored by their selectors against its text.
 */
export async function openArticle(repository: ArticleRepository, path: string): Promise<OpenedArticle> {
  const file = await readArticleFile(path);
  const fileSha256 = sha256(file.bytes);
  let article: Article;
  let exported: (Annotation | OrphanAnnotation)[] = [];
  // What opening an export changed on the way in (labels matched to others here), told with the rest below.
  const changedOnTheWay: string[] = [];
  if (file.format === 'attest-json') {
    let labels: ExportLabel[];
    ({ article, items: exported, labels } = importAttestExport({ ...file, sha256: fileSha256 }, sha256));
    // Labels of another machine come with the export, matched by id and name (a label here with
    // the same id and another name is never given its annotations); one that cannot be added
    // stops the opening (nothing is stored).
    const adopted = adoptImportedLabels(repository.labels, exported, labels);
    if (adopted.refused.length > 0) throw new ImportError('unsupported', `${basename(file.path)}: ${adopted.refused[0].reason}`);
    exported = adopted.records;
    changedOnTheWay.push(...adopted.changed.map((c) => c.reason));
  } else {
    // Only this file's own reading is reused: another file with the same text has its own bytes,
    // encoding and name (its title), and shares only the annotations.
    article = repository.articleReadFrom(file.path, fileSha256) ?? (await importArticle(file, { encoding: repository.encodings.get(fileSha256) }));
  }
  const record = putCarrying(repository, file.path, article, previousAtPath(repository, file.path, article.id));
  // An export's annotations are anchored by their selectors as a changed file's are, checked as
  // an import checks them (a span inside a character is not stored); ids already there are kept once.
  if (exported.length > 0) {
    const carried = carryImported(repository, record, exported);
    for (const r of [...carried.refused, ...carried.cutNotes]) changedOnTheWay.push(`${r.id}: ${r.reason}`);
    for (const l of carried.droppedLinks) changedOnTheWay.push(`link ${l.id} → ${l.target} dropped: ${l.reason}`);
  }
  const notice = [noticeFor(repository, file.path, record.article.id), ...(changedOnTheWay.length > 0 ? [`Opened with changes (as Import… would report them): ${changedOnTheWay.join('; ')}.`] : [])].filter((n) => n !== null).join(' ');
  return notice ? { ...opened(record), notice: notice.slice(0, 10_000) } : opened(record);
}

/**
 * Reads the file at `path` (one the text of `articleId` was opened from) again, decoded as
 * `encoding`, and remembers that choice for the file's bytes. When the text differs, the result is
 * a new article and the annotations made on the misread text are re-anchored in it (moved, or
 * kept as orphans), unless that would mix another file's annotations in (`carryDecision`, as
 * `openArticle`). Throws `HandlerError('not-found')` for an unknown article or a path its text
 * was not opened from, `ImportError` when the file can no longer be read.
 */
export async function reopenWithEncoding(repository: ArticleRepository, articleId: string, encoding: EncodingChoice, path?: string): Promise<OpenedArticle> {
  const before = requireRecord(repository, articleId);
  const file = await readArticleFile(requireSource(before, path).path);
  const article = await importArticle(file, { encoding });
  repository.encodings.set(article.source.sha256, encoding);
  const record = putCarrying(repository, file.path, article, article.id !== articleId ? before : null);
  const notice = noticeFor(repository, file.path, record.article.id);
  return notice ? { ...opened(record), notice } : opened(record);
}

/** Opening articles: at start, from the open dialog, from a dropped file, in another encoding. */
export function articleHandlers({
  repository,
  library,
  dialogs,
  initialPath,
}: HandlerDeps): HandlerGroup<'session:initial' | 'article:choose' | 'article:open-dropped' | 'article:reopen-with-encoding'> {
  // Every article the analyst opens becomes the library's most recent file.
  const open = async (path: string) => {
    const result = await openArticle(repository, path);
    library.noteOpened(result.article);
    return result;
  };
  return {
    'session:initial': async () => (initialPath ? open(initialPath) : null),
    'article:choose': async () => {
      const path = await dialogs.chooseArticle();
      return path ? open(path) : null;
    },
    'article:open-dropped': async ({ path }) => open(path),
    'article:reopen-with-encoding': async ({ articleId, path: shown, encoding }) => {
      // Main reads only files the analyst chose (listed in the library, or opened: recent). The path
      // an imported export records for its article is neither until the analyst opens that file.
      const path = shown ?? requireRecord(repository, articleId).article.source.path;
      if (!library.mayOpen(path)) throw new HandlerError('forbidden', `${path} has not been opened here: open the file itself first`);
      return reopenWithEncoding(repository, articleId, encoding, path);
    },
  };
}
