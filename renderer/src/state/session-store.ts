import { compareByPosition, type Annotation, type AnnotationType } from '../../../app/core/annotation.js';
import type { EncodingChoice } from '../../../app/core/encodings.js';
import type { AttestApi, IpcResult, OpenedArticle } from '../../../app/core/ipc.js';
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

const EMPTY: SessionState = { opened: null, annotations: [], selectedId: null, choice: null, message: null };

/**
 * The renderer's session: the open article and its annotations as main stored them. Every change
 * goes through main (which validates and persists it) and is applied here from main's answer.
 */
export class SessionStore extends ExternalStore<SessionState> {
  private noticesTold = 0;

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
    if (article) this.show(await this.api.invoke('article:reopen-with-encoding', { articleId: article.id, encoding }));
  }

  /** Tags [start, end) of the canonical text (UTF-16) as `type`; selects the new annotation. */
  async tag(type: AnnotationType, start: number, end: number): Promise<void> {
    const article = this.state.opened?.article;
    if (!article) return;
    const result = await this.api.invoke('annotation:create', { articleId: article.id, type, start, end });
    if (!result.ok) return this.fail(result.error.message);
    if (this.state.opened?.article.id !== article.id) return;
    const annotations = [...this.state.annotations.filter((a) => a.id !== result.value.id), result.value].sort(compareByPosition);
    this.set({ annotations, selectedId: result.value.id, choice: null, message: null });
  }

  /** Export: main asks where with the save dialog and writes annotated JSON. */
  async exportArticle(): Promise<void> {
    const article = this.state.opened?.article;
    if (!article) return this.fail('Open an article before exporting.');
    const result = await this.api.invoke('article:export', { articleId: article.id, format: 'json', scope: 'article' });
    if (!result.ok) return this.fail(result.error.message);
    if (result.value) this.set({ message: { kind: 'info', text: `Exported to ${result.value.path}` } });
  }

  /**
   * Shows the annotations and orphans main answered after a change to the article `articleId`
   * (ignored when another article is open now); the selection stays when its annotation does.
   */
  showAnnotations(articleId: string, { annotations, orphans }: Pick<OpenedArticle, 'annotations' | 'orphans'>, selectedId = this.state.selectedId): void {
    const opened = this.state.opened;
    if (opened?.article.id !== articleId) return;
    const kept = annotations.some((a) => a.id === selectedId) ? selectedId : null;
    this.set({ opened: { ...opened, orphans }, annotations: [...annotations].sort(compareByPosition), selectedId: kept, choice: null });
  }

  /** Selects one annotation (or none); `choice` offers overlapping ones at a click. */
  select(id: string | null, choice: SessionState['choice'] = null): void {
    this.set({ selectedId: id, choice });
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
    this.set({ opened: result.value, annotations: [...annotations].sort(compareByPosition), selectedId: null, choice: null, message: null });
    void this.tellStoreNotices();
  }

  /** Damaged store files main recovered from while opening: told once each, as an error message. */
  private async tellStoreNotices(): Promise<void> {
    const notices = await this.api.invoke('session:notices', {});
    if (!notices.ok || notices.value.length <= this.noticesTold) return;
    const fresh = notices.value.slice(this.noticesTold);
    this.noticesTold = notices.value.length;
    this.set({ message: { kind: 'error', text: describeStoreNotices(fresh) } });
  }
}
