import type { AnnotationType } from '../../../app/core/annotation.js';
import { attributionOf, isAttributable, linkedTo, SOURCE_TYPE, type AttributedPolicy } from '../../../app/core/attribution.js';
import type { AttestApi, IpcRequest, IpcResponse, IpcResult } from '../../../app/core/ipc.js';
import { stepByWord, type WordStep } from '../../../app/core/word-step.js';
import type { SessionStore } from './session-store.js';
import { ExternalStore } from './external-store.js';
import { alreadyTaggedMessage } from './already-tagged.js';
import { describeStep } from './step-message.js';
import { droppedAttributionMessage } from './dropped-attribution.js';
import { noWordStepMessage } from './word-step-message.js';

/**
 * A source about to be deleted (`delete`) or given another type (`retype`, to `type`) while
 * annotations are attributed to it: the analyst says what to do with them, or cancels.
 * `attributed` counts those annotations (and orphans).
 */
export type PendingQuestion = { kind: 'delete'; id: string; attributed: number } | { kind: 'retype'; id: string; type: AnnotationType; attributed: number };

/** A change to an annotation, as `annotation:update` takes it. */
export type AnnotationPatch = IpcRequest<'annotation:update'>['patch'];

/** An annotation an undo or redo brought back or changed, to be scrolled into view; a new object each time. */
export interface Revealed {
  id: string;
}

/**
 * Changing, deleting, undoing and redoing annotations from the renderer: each goes to main, and
 * main's answer (the article's annotations as they are now) is shown in the session. Holds the
 * one question it may ask (deleting or retyping a source with attributed annotations) and the annotation the
 * last undo or redo selected (`revealed`) as its own small external store for `useSyncExternalStore`.
 */
export class AnnotationEdits extends ExternalStore<{ pending: PendingQuestion | null; revealed: Revealed | null }> {
  // Changes go to main one at a time, so their answers (whole lists) are shown in the order main made them.
  private queue: Promise<unknown> = Promise.resolve();
  // How many queued updates, undos and redos main has not answered: until it does, the annotations shown may be out of date.
  private unanswered = 0;
  // The last "nothing changed" message of a word step, cleared by the next step that moves.
  private noStepShown: string | null = null;

  /** The snapshot's `pending`: the question waiting for the analyst's answer, or null; `revealed`: see `Revealed`. */
  constructor(
    private readonly api: AttestApi,
    private readonly session: SessionStore,
  ) {
    super({ pending: null, revealed: null });
  }

  /**
   * Tags [start, end) of the canonical text (UTF-16) as `type`: shown at once (`SessionStore.propose`),
   * stored by main after the changes before it (`SessionStore.store`). A span that seems to have
   * this type already while a change main has not answered may retype or move annotations (an
   * update, an undo, a redo) is tagged by main after that change (`SessionStore.tagByMain`); else
   * that annotation is selected and a message says it has `labelName` already.
   */
  tag(type: AnnotationType, start: number, end: number, labelName: string = type): Promise<void> {
    const proposal = this.session.propose(type, start, end);
    if (proposal?.kind === 'new') return this.serial(() => this.session.store(proposal.pending));
    if (proposal?.kind === 'existing' && this.unanswered > 0) return this.serial(() => this.session.tagByMain(proposal.articleId, type, start, end, proposal.id));
    const existing = proposal?.kind === 'existing' ? this.session.getSnapshot().annotations.find((a) => a.id === proposal.id) : undefined;
    if (existing) this.session.inform(alreadyTaggedMessage(existing.target.quote.exact, labelName));
    return Promise.resolve();
  }

  /**
   * Changes annotation `id` (type, note, attribution, boundaries) of article `articleId` (by
   * default the one open now), after the changes before it; true when main accepted it.
   */
  update(id: string, patch: AnnotationPatch, articleId = this.articleId()): Promise<boolean> {
    return articleId ? this.unshown(() => this.sendUpdate(articleId, id, patch)) : Promise.resolve(false);
  }

  /**
   * `update` whose patch is made only as its request goes out to main, after the changes before
   * it: `patch` gives what to send then, or null for nothing (already sent by `updateNow` while it
   * waited). For a change that must count as sent only once it really is (a note typed while main
   * has not answered a tag). True when main accepted it.
   */
  updateAsSent(id: string, articleId: string, patch: () => AnnotationPatch | null): Promise<boolean> {
    return this.unshown(() => {
      const now = patch();
      return now ? this.sendUpdate(articleId, id, now) : Promise.resolve(false);
    });
  }

  /**
   * `update` sent to main at once, not after the changes before it: for a page about to go away
   * (a note typed just before the window closes). For patches that touch nothing a queued change
   * does (a note).
   */
  updateNow(id: string, patch: AnnotationPatch, articleId: string): Promise<boolean> {
    return this.sendUpdate(articleId, id, patch);
  }

  private async sendUpdate(articleId: string, id: string, patch: AnnotationPatch): Promise<boolean> {
    const result = await this.api.invoke('annotation:update', { articleId, id, patch });
    if (!result.ok) {
      this.session.fail(result.error.message);
      return false;
    }
    this.session.showAnnotations(articleId, result.value);
    return true;
  }

  /**
   * Re-types annotation `id`; a source that annotations are attributed to is first asked about
   * (`pending`), as they lose their attribution, and re-typed on `confirmRetype`. False when not changed now.
   */
  retype(id: string, type: AnnotationType): Promise<boolean> {
    const attributed = type === SOURCE_TYPE ? 0 : this.attributedTo(id, SOURCE_TYPE);
    if (attributed > 0) {
      this.setPending({ kind: 'retype', id, type, attributed });
      return Promise.resolve(false);
    }
    return this.retypeTelling(id, type);
  }

  /**
   * `update`s the type; a quote or claim given a type attributed to no one loses its attribution
   * (main removes it, one undo step with the type), and a message says so. Not asked first: only
   * the annotation itself changes, as when it is deleted; a source is asked about as others' links change.
   */
  private async retypeTelling(id: string, type: AnnotationType): Promise<boolean> {
    const { annotations, opened } = this.session.getSnapshot();
    const sourceId = isAttributable(type) ? null : attributionOf(annotations.find((a) => a.id === id) ?? { links: [] });
    const source = sourceId ? [...annotations, ...(opened?.orphans ?? [])].find((a) => a.id === sourceId) : undefined;
    const articleId = this.articleId();
    const done = await this.update(id, { type });
    if (done && source && this.articleId() === articleId) this.session.inform(droppedAttributionMessage(source.target.quote.exact));
    return done;
  }

  /** Answers a pending retype: the source takes its new type and its annotations lose their attribution (undo restores both). */
  confirmRetype(): Promise<boolean> {
    const { pending } = this.state;
    this.setPending(null);
    return pending?.kind === 'retype' ? this.update(pending.id, { type: pending.type }) : Promise.resolve(false);
  }

  /** Attributes annotation `id` to source `sourceId`, or to none. */
  attribute(id: string, sourceId: string | null): Promise<boolean> {
    return this.update(id, { links: sourceId ? [{ type: 'attributedTo', target: sourceId }] : [] });
  }

  /** Moves one end of annotation `id` by a word (see `core/word-step.ts`); when there is no word to move by, nothing, and a message says why. */
  async adjust(id: string, step: WordStep): Promise<boolean> {
    const { opened, annotations } = this.session.getSnapshot();
    const annotation = annotations.find((a) => a.id === id);
    if (!opened || !annotation) return false;
    const next = stepByWord(opened.article.text, annotation.target.position.start, annotation.target.position.end, step);
    if (next) {
      // A step that moves makes the message of one that could not go before it stale.
      const shown = this.session.getSnapshot().message;
      if (shown && shown.text === this.noStepShown) this.session.dismissMessage();
      return this.update(id, next);
    }
    this.noStepShown = noWordStepMessage(step);
    this.session.inform(this.noStepShown);
    return false;
  }

  /**
   * Deletes annotation `id` (the selected one by default); when annotations are attributed to it,
   * first asks (see `getSnapshot`) and deletes on `confirmDelete`.
   */
  async requestDelete(id = this.session.getSnapshot().selectedId): Promise<void> {
    if (!id) return;
    const attributed = this.attributedTo(id);
    if (attributed > 0) return this.setPending({ kind: 'delete', id, attributed });
    await this.remove(id);
  }

  /** Answers a pending delete: what happens to the annotations attributed to the source. */
  async confirmDelete(policy: AttributedPolicy): Promise<void> {
    const { pending } = this.state;
    this.setPending(null);
    if (pending?.kind === 'delete') await this.remove(pending.id, policy);
  }

  /** Drops the pending question; nothing is deleted or changed. */
  cancelQuestion(): void {
    this.setPending(null);
  }

  /**
   * Undoes the last annotation change of the article open now; the annotation it was about is
   * selected and revealed, or none when it took it away, and a message says what was undone
   * (`describeStep`).
   */
  undo(): Promise<void> {
    return this.stepLater('annotation:undo');
  }

  /** Redoes the last undone annotation change of the article open now, shown as `undo` shows it. */
  redo(): Promise<void> {
    return this.stepLater('annotation:redo');
  }

  private serial<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** A queued change the session shows only once main answers it, counted in `unanswered` until then. */
  private unshown<T>(task: () => Promise<T>): Promise<T> {
    this.unanswered++;
    return this.serial(task).finally(() => this.unanswered--);
  }

  /** Deletes `id`: hidden at once (`SessionStore.withdraw`), deleted by main after the changes before it. */
  private remove(id: string, attributed?: AttributedPolicy): Promise<void> {
    const articleId = this.articleId();
    if (!articleId) return Promise.resolve();
    this.session.withdraw(id);
    return this.serial(async () => {
      const result = await this.api
        .invoke('annotation:delete', { articleId, id, ...(attributed ? { attributed } : {}) })
        .catch((error: Error): IpcResult<IpcResponse<'annotation:delete'>> => ({ ok: false, error: { code: 'internal', message: `the annotation was not deleted: ${error.message}` } }));
      this.session.settleDelete(articleId, id, result);
    });
  }

  /** Undo or redo for the article open when asked, after the changes before it, even if another is open by then. */
  private stepLater(channel: 'annotation:undo' | 'annotation:redo'): Promise<void> {
    const articleId = this.articleId();
    if (!articleId) return Promise.resolve();
    return this.unshown(async () => {
      const result = await this.api.invoke(channel, { articleId });
      if (!result.ok) return this.session.fail(result.error.message);
      const { selectedId, message } = describeStep(channel === 'annotation:undo' ? 'undo' : 'redo', result.value);
      const applied = result.value.applied !== null;
      this.session.showAnnotations(articleId, result.value, applied ? selectedId : undefined);
      // Nothing is said about an article no longer open.
      if (this.articleId() !== articleId) return;
      this.session.inform(message);
      if (applied && selectedId) this.set({ revealed: { id: selectedId } });
    });
  }

  /** How many annotations and orphans are attributed to annotation `id`; 0 unless it has type `onlyIf` when given. */
  private attributedTo(id: string, onlyIf?: AnnotationType): number {
    const { annotations, opened } = this.session.getSnapshot();
    if (onlyIf !== undefined && annotations.find((a) => a.id === id)?.type !== onlyIf) return 0;
    return linkedTo([...annotations, ...(opened?.orphans ?? [])], id).length;
  }

  /** The id of the article open now, or null. */
  articleId(): string | null {
    return this.session.getSnapshot().opened?.article.id ?? null;
  }

  private setPending(pending: PendingQuestion | null): void {
    this.set({ pending });
  }
}
