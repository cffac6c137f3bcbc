import { randomUUID } from 'node:crypto';
import { describe } from '../../core/anchoring/describe.js';
import type { Annotation } from '../../core/annotation.js';
import { linkedTo, releaseLinksTo, type LinkedRecord } from '../../core/attribution.js';
import type { Change } from '../../core/history.js';
import { normalizeRange } from '../../core/text.js';
import type { AnnotationHistories } from './annotation-history.js';
import { HandlerError, requireLabel, requireRecord, type HandlerDeps, type HandlerGroup } from './context.js';

/**
 * Creating and deleting annotations; main normalises every range and describes it with selectors.
 * Each change is one step of the article's undo history in `histories`.
 */
export function annotationHandlers(
  { repository, now = () => new Date().toISOString() }: HandlerDeps,
  histories: AnnotationHistories,
): HandlerGroup<'annotation:create' | 'annotation:delete'> {
  return {
    'annotation:create': async ({ articleId, type, start, end }) => {
      const { article, annotations } = requireRecord(repository, articleId);
      const label = requireLabel(repository, type);
      if (end > article.text.length) throw new HandlerError('invalid-request', `[${start}, ${end}) is beyond the text (length ${article.text.length})`);
      const range = normalizeRange(article.text, start, end);
      if (!range) throw new HandlerError('invalid-request', 'the selection holds only white space');
      // Tagging the same span with the same type twice gives back the annotation it already has.
      const same = annotations.find((a) => a.type === type && a.target.position.start === range.start && a.target.position.end === range.end);
      if (same) return same;
      const time = now();
      const annotation: Annotation = { id: randomUUID(), type, target: describe(article.text, range.start, range.end), note: '', links: [], created: time, modified: time };
      histories.commit(articleId, `Tag as ${label.name}`, [{ before: null, after: annotation }]);
      return annotation;
    },
    'annotation:delete': async ({ articleId, id, attributed }) => {
      const record = requireRecord(repository, articleId);
      const all: LinkedRecord[] = [...record.annotations, ...record.orphans];
      const target = all.find((a) => a.id === id);
      if (!target) return { deleted: false, annotations: record.annotations, orphans: record.orphans };
      const others = all.filter((a) => a.id !== id);
      const pointing = linkedTo(others, id);
      if (pointing.length > 0 && !attributed) {
        throw new HandlerError('invalid-request', `${pointing.length} annotation(s) are attributed to this source: say whether to detach them or delete them`);
      }
      const changes: Change<LinkedRecord>[] = [...(attributed ? releaseLinksTo(others, id, attributed, now()) : []), { before: target, after: null }];
      histories.commit(articleId, 'Delete annotation', changes);
      const after = requireRecord(repository, articleId);
      return { deleted: true, annotations: after.annotations, orphans: after.orphans };
    },
  };
}
