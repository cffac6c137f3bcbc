import { randomUUID } from 'node:crypto';
import { describe } from '../../core/anchoring/describe.js';
import type { Annotation } from '../../core/annotation.js';
import { normalizeRange } from '../../core/text.js';
import { HandlerError, requireRecord, type HandlerDeps, type HandlerGroup } from './context.js';

/** Creating and deleting annotations; main normalises every range and describes it with selectors. */
export function annotationHandlers({ repository, now = () => new Date().toISOString() }: HandlerDeps): HandlerGroup<'annotation:create' | 'annotation:delete'> {
  return {
    'annotation:create': async ({ articleId, type, start, end }) => {
      const { article, annotations } = requireRecord(repository, articleId);
      if (end > article.text.length) throw new HandlerError('invalid-request', `[${start}, ${end}) is beyond the text (length ${article.text.length})`);
      const range = normalizeRange(article.text, start, end);
      if (!range) throw new HandlerError('invalid-request', 'the selection holds only white space');
      // Tagging the same span with the same type twice gives back the annotation it already has.
      const same = annotations.find((a) => a.type === type && a.target.position.start === range.start && a.target.position.end === range.end);
      if (same) return same;
      const time = now();
      const annotation: Annotation = { id: randomUUID(), type, target: describe(article.text, range.start, range.end), note: '', links: [], created: time, modified: time };
      repository.addAnnotation(articleId, annotation);
      return annotation;
    },
    'annotation:delete': async ({ articleId, id }) => {
      requireRecord(repository, articleId);
      return { deleted: repository.deleteAnnotation(articleId, id) };
    },
  };
}
