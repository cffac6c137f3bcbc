import type { AttestApi, IpcResult, OpenedArticle } from '../../../app/core/ipc.js';
import { BUILT_IN_LABELS, type Label, type LabelInput } from '../../../app/core/labels.js';
import { ExternalStore } from './external-store.js';

/** What the renderer knows of the label set: the labels (built-ins until main answers) and the last error. */
export interface LabelState {
  labels: readonly Label[];
  error: string | null;
}

/**
 * The renderer's view of the label set main keeps (`labels:*` channels): components subscribe
 * with `useSyncExternalStore`. Every change goes to main, which checks it; the answer replaces
 * the set here, so the renderer never holds labels main refused.
 */
export class LabelStore extends ExternalStore<LabelState> {
  /**
   * `openArticle`: the open article's id, where to show its annotations after a removal
   * retyped or deleted some of them, and where to tell what a removal did (the session store).
   */
  constructor(
    private readonly api: AttestApi,
    private readonly openArticle?: { id(): string | null; show(articleId: string, current: Pick<OpenedArticle, 'annotations' | 'orphans'>): void; tell?(text: string): void },
  ) {
    super({ labels: BUILT_IN_LABELS, error: null });
  }

  /** Asks main for the label set. */
  async load(): Promise<void> {
    this.apply(await this.api.invoke('labels:list', {}));
  }

  /** Adds a label; true when main accepted it (else `error` says why). */
  async add(input: LabelInput): Promise<boolean> {
    return this.apply(await this.api.invoke('labels:add', input));
  }

  /** Changes a custom label's name, colour or key; true when main accepted it. */
  async update(id: string, patch: Partial<LabelInput>): Promise<boolean> {
    return this.apply(await this.api.invoke('labels:update', { id, patch }));
  }

  /** How many annotations use label `id`, in how many articles; null (with `error`) when main could not tell. */
  async usage(id: string): Promise<{ annotations: number; articles: number } | null> {
    const result = await this.api.invoke('labels:usage', { id });
    if (!result.ok) return this.set({ error: result.error.message }), null;
    return result.value;
  }

  /** Removes a custom label, retyping or deleting its annotations in every article; what changed, or null (with `error`). */
  async remove(id: string, annotations?: { action: 'retype'; to: string } | { action: 'delete' }): Promise<{ changed: number; articles: number } | null> {
    const articleId = this.openArticle?.id() ?? null;
    const result = await this.api.invoke('labels:remove', annotations ? { id, articleId, annotations } : { id, articleId });
    if (!result.ok) return this.set({ error: result.error.message }), null;
    const nameOf = (labelId: string) => this.state.labels.find((l) => l.id === labelId)?.name ?? labelId;
    const { changed, articles } = result.value;
    const what = changed === 0 ? '' : `: ${changed === 1 ? '1 annotation' : `${changed} annotations`} in ${articles === 1 ? '1 article' : `${articles} articles`} ${annotations?.action === 'retype' ? `changed to ${nameOf(annotations.to)}` : 'deleted'}`;
    const told = `Removed the label ${nameOf(id)}${what}.`;
    this.set({ labels: result.value.labels, error: null });
    if (articleId && result.value.current) this.openArticle?.show(articleId, result.value.current);
    this.openArticle?.tell?.(told);
    return { changed, articles };
  }


  /** Clears the error shown. */
  dismissError(): void {
    this.set({ error: null });
  }

  private apply(result: IpcResult<Label[]>): boolean {
    if (!result.ok) return this.set({ error: result.error.message }), false;
    // The same set again (a reload) changes nothing, so nothing that shows labels renders again.
    if (JSON.stringify(result.value) !== JSON.stringify(this.state.labels) || this.state.error) this.set({ labels: result.value, error: null });
    return true;
  }
}
