import { compareByPosition, type Annotation, type AnnotationType } from '../../../app/core/annotation.js';
import type { EncodingChoice } from '../../../app/core/encodings.js';
import { partitionPoint } from '../../../app/core/partition-point.js';
import type { ExportFormat, ExportScope } from '../../../app/core/formats/interchange.js';
import { tagSpan } from '../../../app/core/tagging.js';
import type { AttestApi, IpcRequest, IpcResult, OpenedArticle } from '../../../app/core/ipc.js';
import { whenIdle } from '../when-idle.js';
import { describeStoreNotices } from './store-notices.js';
import { ExternalStore } from './external-store.js';

/** What the renderer shows, outside React: components subscribe with `useSyncExternalStore`. */
export interface SessionState {
  opened: OpenedArticle | null;
  /** The article's annotations in document order. */
  annotations: readonly Annotation[];
  selectedId: string | null;
  /** Annotations under a click where more than one overlaps, and where the click was. */
  choice: { ids: string[]; x: number; y: number } | null;
  message: { kind: 'error' | 'info'; text: string } | null;
}

/** How long after main answered a change the renderer asks whether main could write it (its checkpoint comes 250 ms after the change): ms. */
const UNSAVED_CHECK_MS = 1000;

const EMPTY: SessionState = { opened: null, annotations: [], selectedId: null, choice: null, message: null };

/** An annotation of article `articleId` shown (`propose`) or hidden (`withdraw`) before main has answered. */
export interface Pending {
  articleId: string;
  annotation: Annotation;
}

/** `annotations` (in document order) with `annotation` put in its place; a new array. */
function insertByPosition(annotations: readonly Annotation[], annotation: Annotation): Annotation[] {
  const at = partitionPoint(annotations.length, (i) => compareByPosition(annotations[i], annotation) >= 0);
  return [...annotations.slice(0, at), annotation, ...annotations.slice(at)];
}

/** `annotations` with `annotation` in place of the one with its id, or put in its place by position when there is none; a new array. */
function withAnnotation(annotations: readonly Annotation[], annotation: Annotation): Annotation[] {
  return annotations.some((a) => a.id === annotation.id) ? annotations.map((a) => (a.id === annotation.id ? annotation : a)) : insertByPosition(annotations, annotation);
}

/**
 * The renderer's session: the open article and its annotations as main stored them. Every change
 * goes through main (which validates and persists it) and is applied here from main's answer;
 * tagging and deleting are shown at once, before main answers (`propose`/`store`,
 * `withdraw`/`settleDelete`), and a refusal undoes what was shown and says why.
 */
export class SessionStore extends ExternalStore<SessionState> {
  private noticesTold = 0;
  private noticeCheck: ReturnType<typeof setTimeout> | null = null;
  /** Annotations shown before main has stored them (`propose`), by id. */
  private readonly proposed = new Map<string, Pending>();
  /** Annotations hidden while main deletes them (`withdraw`), by id. */
  private readonly withdrawn = new Map<string, Pending>();

  constructor(private readonly api: AttestApi) {
    super(EMPTY);
  }

  /** Shows the article main opens at start (command line or sample). */
  async loadInitial(): Promise<void> {
    this.show(await this.api.invoke('session:initial', {}));
  }

  /** File > Open: main asks with the native dialog. */
  async choose(): Promise<void> {
    this.show(await this.api.invoke('article:choose', {}));
  }

  /** Opens a file listed in the library or among the recent files. */
  async openFromLibrary(path: string): Promise<void> {
    this.show(await this.api.invoke('library:open', { path }));
  }

  /** Shows an article main opened from a dropped file (or why it could not). */
  showDropped(result: IpcResult<OpenedArticle>): void {
    this.show(result);
  }

  /** Reopens the open article's file decoded as `encoding`; main remembers the choice for the file. */
  async reopenWithEncoding(encoding: EncodingChoice): Promise<void> {
    const article = this.state.opened?.article;
    if (article) this.show(await this.api.invoke('article:reopen-with-encoding', { articleId: article.id, path: article.source.path, encoding }));
  }

  /**
   * Tags [start, end) of the canonical text (UTF-16) as `type` at once (`tagSpan`, as main does):
   * a new annotation is shown and selected before main has stored it, and is to be given to
   * `store` (`new`); when the span has this type already, that annotation is selected
   * (`existing`, with its article and id). Null when there is nothing to do: no article, or a
   * refused span (the reason is shown).
   */
  propose(type: AnnotationType, start: number, end: number): { kind: 'new'; pending: Pending } | { kind: 'existing'; articleId: string; id: string } | null {
    const opened = this.state.opened;
    if (!opened) return null;
    const tagging = tagSpan(opened.article.text, this.state.annotations, type, start, end, crypto.randomUUID(), new Date().toISOString());
    if (tagging.kind === 'refused') {
      this.fail(tagging.reason);
      return null;
    }
    if (tagging.kind === 'existing') {
      this.select(tagging.annotation.id);
      return { kind: 'existing', articleId: opened.article.id, id: tagging.annotation.id };
    }
    const pending = { articleId: opened.article.id, annotation: tagging.annotation };
    this.proposed.set(pending.annotation.id, pending);
    this.set({ annotations: insertByPosition(this.state.annotations, pending.annotation), selectedId: pending.annotation.id, choice: null, message: null });
    return { kind: 'new', pending };
  }

  /**
   * Has main tag [start, end) of article `articleId` as `type` with nothing shown first (main
   * applies `tagSpan`'s rule to what it holds: the annotation the span has with this type, or a
   * new one), then shows what main answered, selected in place of `shownId` (the annotation
   * `propose` selected) while that is still the selection. For when the annotations shown may be
   * out of date.
   */
  async tagByMain(articleId: string, type: AnnotationType, start: number, end: number, shownId: string): Promise<void> {
    const result = await this.create({ articleId, type, start, end });
    if (!result.ok) return this.fail(result.error.message);
    const stored = result.value;
    this.checkNoticesSoon();
    if (this.state.opened?.article.id !== articleId || this.withdrawn.has(stored.id)) return;
    this.set({ annotations: withAnnotation(this.state.annotations, stored), selectedId: this.state.selectedId === shownId ? stored.id : this.state.selectedId });
  }

  /** `annotation:create`, with a call that throws answered as an error. */
  private create(request: IpcRequest<'annotation:create'>): Promise<IpcResult<Annotation>> {
    return this.api.invoke('annotation:create', request).catch((error: Error): IpcResult<Annotation> => ({ ok: false, error: { code: 'internal', message: `the annotation was not saved: ${error.message}` } }));
  }

  /**
   * Has main store a proposed annotation (`annotation:create` with its id): main's answer takes
   * its place; a refusal removes it and says why.
   */
  async store({ articleId, annotation }: Pending): Promise<void> {
    const { id, type, target } = annotation;
    const result = await this.create({ articleId, type, start: target.position.start, end: target.position.end, id });
    this.proposed.delete(id);
    if (!result.ok) this.fail(result.error.message);
    if (this.state.opened?.article.id !== articleId) return;
    const stored = result.ok ? result.value : null;
    if (stored) this.checkNoticesSoon();
    // Main refused it, or answered an annotation it had on that span already: the one shown goes.
    let annotations = stored?.id === id ? this.state.annotations : this.state.annotations.filter((a) => a.id !== id);
    // Main's object is shown (not when the analyst deleted it meanwhile: that delete's answer is yet to come).
    if (stored && !this.withdrawn.has(stored.id)) annotations = withAnnotation(annotations, stored);
    const selectedId = this.state.selectedId === id ? (stored?.id ?? null) : this.state.selectedId;
    this.set({ annotations, selectedId });
  }

  /** Hides annotation `id` of the open article at once while main deletes it (see `settleDelete`). */
  withdraw(id: string): void {
    const opened = this.state.opened;
    const annotation = this.state.annotations.find((a) => a.id === id);
    if (!opened || !annotation) return;
    this.withdrawn.set(id, { articleId: opened.article.id, annotation });
    const selectedId = this.state.selectedId === id ? null : this.state.selectedId;
    this.set({ annotations: this.state.annotations.filter((a) => a.id !== id), selectedId, choice: null });
  }

  /** Main's answer to deleting `id` from article `articleId`: shown; or, refused, the annotation is shown again and the reason said. */
  settleDelete(articleId: string, id: string, result: IpcResult<Pick<OpenedArticle, 'annotations' | 'orphans'>>): void {
    const withdrawn = this.withdrawn.get(id);
    this.withdrawn.delete(id);
    if (result.ok) return this.showAnnotations(articleId, result.value);
    this.fail(result.error.message);
    if (withdrawn && this.state.opened?.article.id === articleId && !this.state.annotations.some((a) => a.id === id)) {
      this.set({ annotations: insertByPosition(this.state.annotations, withdrawn.annotation) });
    }
  }

  /**
   * Exports the open article in `format` (with `scope` 'library', every article of the library):
   * main asks where with the save dialog and writes it (`article:export`). Resolves to the path
   * written, or null: the dialog was cancelled, or nothing could be written (no article open, or
   * main refused; the message says why).
   */
  async exportArticle(format: ExportFormat = 'json', scope: ExportScope = 'article'): Promise<string | null> {
    const article = this.state.opened?.article;
    if (!article) {
      this.fail('Open an article before exporting.');
      return null;
    }
    const result = await this.api.invoke('article:export', { articleId: article.id, format, scope });
    if (!result.ok) {
      this.fail(result.error.message);
      return null;
    }
    return result.value?.path ?? null;
  }

  /**
   * Shows the annotations and orphans main answered after a change to the article `articleId`
   * (ignored when another article is open now); the selection stays when its annotation does.
   */
  showAnnotations(articleId: string, { annotations, orphans }: Pick<OpenedArticle, 'annotations' | 'orphans'>, selectedId = this.state.selectedId): void {
    const opened = this.state.opened;
    this.checkNoticesSoon();
    if (opened?.article.id !== articleId) return;
    // Annotations main is still storing stay shown, and those it is deleting stay hidden: their answers come after this one.
    const shown = annotations.filter((a) => this.withdrawn.get(a.id)?.articleId !== articleId);
    for (const p of this.proposed.values()) {
      if (p.articleId === articleId && !this.withdrawn.has(p.annotation.id) && !annotations.some((a) => a.id === p.annotation.id)) shown.push(p.annotation);
    }
    const kept = shown.some((a) => a.id === selectedId) ? selectedId : null;
    this.set({ opened: { ...opened, orphans }, annotations: shown.sort(compareByPosition), selectedId: kept, choice: null });
  }

  /** Selects one annotation (or none); `choice` offers overlapping ones at a click. */
  select(id: string | null, choice: SessionState['choice'] = null): void {
    this.set({ selectedId: id, choice });
  }

  /** Tells the analyst something that went as asked. */
  inform(text: string): void {
    this.set({ message: { kind: 'info', text } });
  }

  /** Shows an error to the analyst. */
  fail(text: string): void {
    this.set({ message: { kind: 'error', text } });
  }

  /** Clears the message. */
  dismissMessage(): void {
    this.set({ message: null });
  }

  private show(result: IpcResult<OpenedArticle | null>): void {
    // User Timing marks for the benchmarks (bench/): when main's answer arrived.
    performance.mark('attest:article-received');
    if (!result.ok) return this.fail(result.error.message);
    if (!result.value) return;
    const { annotations } = result.value;
    this.set({ opened: result.value, annotations: [...annotations].sort(compareByPosition), selectedId: null, choice: null, message: result.value.notice ? { kind: 'info', text: result.value.notice } : null });
    // Asked for when the renderer is next idle: showing the article does not wait for it.
    whenIdle(() => void this.tellStoreNotices());
  }

  /** Asks for notices `UNSAVED_CHECK_MS` after a change main answered (once for a burst of changes): a record main could not write is told so. */
  private checkNoticesSoon(): void {
    this.noticeCheck ??= setTimeout(() => {
      this.noticeCheck = null;
      void this.tellStoreNotices();
    }, UNSAVED_CHECK_MS);
  }

  /** Damaged store files main recovered from while opening, and records it could not write: told once each, as an error message. */
  private async tellStoreNotices(): Promise<void> {
    const notices = await this.api.invoke('session:notices', {});
    if (!notices.ok || notices.value.length <= this.noticesTold) return;
    const fresh = notices.value.slice(this.noticesTold);
    this.noticesTold = notices.value.length;
    this.set({ message: { kind: 'error', text: describeStoreNotices(fresh) } });
  }
}
