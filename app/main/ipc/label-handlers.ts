import { labelUsage, removeLabelFromArticles } from '../labels/label-usage.js';
import type { AnnotationHistories } from './annotation-history.js';
import { HandlerError, type HandlerDeps, type HandlerGroup } from './context.js';

/**
 * The label set: listing it, adding, changing and removing the analyst's own labels. Removing a
 * label that annotations use needs the analyst's answer (retype them or delete them) and
 * applies it in every stored article; those changes cannot be undone, so the undo histories
 * that mention the label are dropped. A `LabelError` becomes `invalid-request` in `dispatch`.
 */
export function labelHandlers({ repository, now = () => new Date().toISOString() }: HandlerDeps, histories: AnnotationHistories): HandlerGroup<'labels:list' | 'labels:add' | 'labels:update' | 'labels:usage' | 'labels:remove'> {
  const labels = repository.labels;
  return {
    'labels:list': async () => labels.all(),
    'labels:add': async (input) => (labels.add(input), labels.all()),
    'labels:update': async ({ id, patch }) => (labels.update(id, patch), labels.all()),
    'labels:usage': async ({ id }) => {
      const { annotations, articles } = labelUsage(repository, id);
      return { annotations, articles };
    },
    'labels:remove': async ({ id, articleId, annotations }) => {
      const label = labels.get(id);
      if (!label) throw new HandlerError('not-found', `there is no label ${id}`);
      if (label.builtIn) throw new HandlerError('invalid-request', `${label.name} is a built-in label: it cannot be removed`);
      const usage = labelUsage(repository, id);
      if (usage.annotations > 0 && !annotations) {
        throw new HandlerError('invalid-request', `${usage.annotations} annotation(s) in ${usage.articles} article(s) use ${label.name}: say whether to retype them or delete them`);
      }
      if (annotations?.action === 'retype' && (annotations.to === id || !labels.get(annotations.to))) {
        throw new HandlerError('invalid-request', `annotations of ${label.name} cannot be retyped to ${annotations.to}`);
      }
      const result = annotations && usage.annotations > 0 ? removeLabelFromArticles(repository, usage.records, id, annotations, now()) : { changed: 0, articles: 0 };
      histories.forgetMentions((record) => record.type === id);
      labels.remove(id);
      const record = articleId ? repository.get(articleId) : null;
      return { labels: labels.all(), ...result, current: record ? { annotations: record.annotations, orphans: record.orphans } : null };
    },
  };
}
