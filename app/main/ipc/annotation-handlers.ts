import { randomUUID } from 'node:crypto';
import { linkedTo, releaseLinksTo, type LinkedRecord } from '../../core/attribution.js';
import type { Change } from '../../core/history.js';
import { tagSpan } from '../../core/tagging.js';
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
    'annotation:create': async ({ articleId, type, start, end, id }) => {
      const { article, annotations, orphans } = requireRecord(repository, articleId);
      const label = requireLabel(repository, type);
      // The renderer proposes the id of the annotation it already shows (see SessionStore.propose).
      const tagging = tagSpan(article.text, annotations, type, start, end, id ?? randomUUID(), now());
      if (tagging.kind === 'refused') throw new HandlerError('invalid-request', tagging.reason);
      // Tagging the same span with the same type twice (the same request sent again too) gives back the annotation it already has.
      if (tagging.kind === 'existing') return tagging.annotation;
      if (orphans.some((a) => a.id === id) || annotations.some((a) => a.id === id)) throw new HandlerError('invalid-request', `the article already has an annotation ${id}`);
      histories.commit(articleId, `Tag as ${label.name}`, [{ before: null, after: tagging.annotation }], tagging.annotation.id);
      return tagging.annotation;
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
      histories.commit(articleId, 'Delete annotation', changes, id);
      const after = requireRecord(repository, articleId);
      return { deleted: true, annotations: after.annotations, orphans: after.orphans };
    },
  };
}
