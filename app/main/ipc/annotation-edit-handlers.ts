import { describe } from '../../core/anchoring/describe.js';
import type { Annotation } from '../../core/annotation.js';
import { isAttributable, linkProblem, releaseLinksTo, SOURCE_TYPE, type LinkedRecord } from '../../core/attribution.js';
import type { Change } from '../../core/history.js';
import type { IpcRequest } from '../../core/ipc.js';
import { sameSpanMessage, spanHolder } from '../../core/tagging.js';
import { normalizeRange } from '../../core/text.js';
import type { AnnotationHistories } from './annotation-history.js';
import { HandlerError, requireLabel, requireRecord, type HandlerDeps, type HandlerGroup } from './context.js';

type Patch = IpcRequest<'annotation:update'>['patch'];

/** What an update is called in the undo history, from what it changes. */
function labelOf(patch: Patch): string {
  if (patch.start !== undefined || patch.end !== undefined) return 'Adjust span';
  if (patch.type !== undefined) return 'Change type';
  if (patch.links !== undefined) return 'Attribute';
  return 'Edit note';
}

/**
 * The annotation as it is after `patch`, against the article's `text` and placed `annotations`;
 * throws `HandlerError` for a patch that does not fit, one that would give a span a second
 * annotation of a label (`spanHolder`; `labelName` names it in the message) included.
 */
function patched(before: Annotation, patch: Patch, text: string, annotations: readonly Annotation[], time: string, labelName: (type: string) => string): Annotation {
  const after: Annotation = { ...before, modified: time };
  if (patch.type !== undefined) after.type = patch.type;
  if (patch.note !== undefined) after.note = patch.note;
  if (patch.start !== undefined || patch.end !== undefined) {
    const start = patch.start ?? before.target.position.start;
    const end = patch.end ?? before.target.position.end;
    if (start >= end) throw new HandlerError('invalid-request', `[${start}, ${end}) is empty`);
    if (end > text.length) throw new HandlerError('invalid-request', `[${start}, ${end}) is beyond the text (length ${text.length})`);
    const range = normalizeRange(text, start, end);
    if (!range) throw new HandlerError('invalid-request', 'the new span holds only white space');
    after.target = describe(text, range.start, range.end);
  }
  const { start, end } = after.target.position;
  if ((after.type !== before.type || start !== before.target.position.start || end !== before.target.position.end) && spanHolder(annotations, after.type, start, end, before.id)) {
    throw new HandlerError('invalid-request', sameSpanMessage(after.target.quote.exact, labelName(after.type)));
  }
  // A type that cannot be attributed drops the links it had, unless the patch names links itself.
  after.links = patch.links ?? (isAttributable(after.type) ? before.links : []);
  const problem = linkProblem(before.id, after.type, after.links, annotations);
  if (problem) throw new HandlerError('invalid-request', problem);
  return after;
}

/** True when `a` and `b` differ in more than their `modified` time. */
function differs(a: Annotation, b: Annotation): boolean {
  return JSON.stringify({ ...a, modified: '' }) !== JSON.stringify({ ...b, modified: '' });
}

/**
 * Changing annotations (type, note, attribution, boundaries) and undoing and redoing every
 * annotation change of an article, through its history in `histories`.
 */
export function annotationEditHandlers(
  { repository, now = () => new Date().toISOString() }: HandlerDeps,
  histories: AnnotationHistories,
): HandlerGroup<'annotation:update' | 'annotation:undo' | 'annotation:redo'> {
  const current = (articleId: string) => {
    const { annotations, orphans } = requireRecord(repository, articleId);
    return { annotations, orphans };
  };
  const step = async (articleId: string, direction: 'undo' | 'redo') => {
    requireRecord(repository, articleId);
    const done = histories.step(articleId, direction);
    return { applied: done?.label ?? null, subject: done?.subject ?? null, ...current(articleId) };
  };
  return {
    'annotation:update': async ({ articleId, id, patch }) => {
      const { article, annotations, orphans } = requireRecord(repository, articleId);
      const before = annotations.find((a) => a.id === id);
      if (!before) {
        const orphan = orphans.some((a) => a.id === id);
        throw new HandlerError('not-found', orphan ? `annotation ${id} is an orphan: it can only be deleted` : `no annotation ${id} in this article`);
      }
      if (patch.type !== undefined) requireLabel(repository, patch.type);
      const time = now();
      const after = patched(before, patch, article.text, annotations, time, (type) => requireLabel(repository, type).name);
      if (!differs(before, after)) return { annotation: before, annotations, orphans };
      const changes: Change<LinkedRecord>[] = [{ before, after }];
      // A source that stops being one lets go of what was attributed to it: never a dangling link.
      if (before.type === SOURCE_TYPE && after.type !== SOURCE_TYPE) {
        changes.push(...releaseLinksTo([...annotations, ...orphans].filter((a) => a.id !== id), id, 'detach', time));
      }
      histories.commit(articleId, labelOf(patch), changes, id);
      return { annotation: after, ...current(articleId) };
    },
    'annotation:undo': async ({ articleId }) => step(articleId, 'undo'),
    'annotation:redo': async ({ articleId }) => step(articleId, 'redo'),
  };
}
