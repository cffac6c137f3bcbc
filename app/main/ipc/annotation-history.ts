import type { LinkedRecord } from '../../core/attribution.js';
import { History, type Change } from '../../core/history.js';
import type { ArticleRepository } from '../library/article-repository.js';
import { HandlerError } from './context.js';

/**
 * Undo and redo of annotation changes in main, one `History` (`core/history.ts`) per article,
 * kept for the session (not stored). Every annotation operation goes through `commit`, which
 * writes its changes to the repository and records them as one undo step.
 */
export class AnnotationHistories {
  private readonly byArticle = new Map<string, History<LinkedRecord>>();

  constructor(private readonly repository: ArticleRepository) {}

  /**
   * Applies `changes` to the stored article and records them as one step named `label`, about the
   * record `subject` (an id); nothing when empty.
   */
  commit(articleId: string, label: string, changes: Change<LinkedRecord>[], subject: string): void {
    if (changes.length === 0) return;
    this.repository.applyChanges(articleId, changes);
    this.historyOf(articleId).record({ label, changes, subject });
  }

  /**
   * Undoes (`direction` 'undo') or redoes the article's last step and returns its label and the id
   * of the record it is about (`subject`, null for a step recorded without one), or null when
   * there is none. When the records no longer fit the step (changed outside this history),
   * the article's history is dropped and `HandlerError('invalid-request')` says so; the records
   * are left as they are.
   */
  step(articleId: string, direction: 'undo' | 'redo'): { label: string; subject: string | null } | null {
    const history = this.historyOf(articleId);
    const entry = direction === 'undo' ? history.undo() : history.redo();
    if (!entry) return null;
    try {
      this.repository.applyChanges(articleId, entry.changes);
    } catch (error) {
      this.byArticle.delete(articleId);
      throw new HandlerError('invalid-request', `cannot ${direction} "${entry.label}": the annotations changed since (${(error as Error).message}); the history is cleared`);
    }
    return { label: entry.label, subject: entry.subject ?? null };
  }

  /** Drops the undo history of every article whose steps hold a record satisfying `test` (e.g. of a removed label). */
  forgetMentions(test: (record: LinkedRecord) => boolean): void {
    for (const [articleId, history] of this.byArticle) if (history.mentions(test)) this.byArticle.delete(articleId);
  }

  private historyOf(articleId: string): History<LinkedRecord> {
    let history = this.byArticle.get(articleId);
    if (!history) this.byArticle.set(articleId, (history = new History<LinkedRecord>()));
    return history;
  }
}
