import { useEffect, useRef } from 'react';
import type { OrphanAnnotation } from '../../../app/core/annotation.js';
import { labelOf } from '../../../app/core/labels.js';
import { useLabels } from './labels/labels-context.js';
import { LONG_QUOTE, shownQuote } from './quote-text.js';

/**
 * The orphans of the open article, for review: annotations carried over from an earlier text of
 * the file (or imported from another article) that could not be placed in this one. Each shows
 * its type, its last quoted text, why it could not be placed and its note, as text; and a Delete
 * button (`onDelete`: asked first as Delete in the details asks, undone by Ctrl+Z). None is
 * painted in the reader. Renders nothing when there are none.
 */
export function OrphansSection({ orphans, onDelete }: { orphans: readonly OrphanAnnotation[]; onDelete(id: string): void }) {
  const labels = useLabels();
  const list = useRef<HTMLOListElement>(null);
  // Where the Delete pressed was: once the orphans change, focus goes to the Delete in its place (the next orphan's, or the last).
  const deletedAt = useRef<number | null>(null);
  useEffect(() => {
    const at = deletedAt.current;
    deletedAt.current = null;
    if (at === null || (!list.current?.contains(document.activeElement) && document.activeElement !== document.body)) return;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.orphan-delete');
    if (buttons?.length) buttons[Math.min(at, buttons.length - 1)].focus();
  }, [orphans]);
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" role="region" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">
        Orphans <span className="count">{orphans.length}</span>
      </h2>
      <p className="empty">These could not be placed in the article’s text, each for the reason it gives; they are kept here, not shown in the article.</p>
      <ol ref={list} className="annotation-list">
        {orphans.map((o, i) => {
          const exact = shownQuote(o.target.quote.exact);
          return (
            <li key={o.id} className="orphan-item" data-annotation-id={o.id}>
              <span className="orphan-head">
                <span className={`badge hl hl-${o.type}`}>{labelOf(labels, o.type).name}</span>
                <span className="exact" dir="auto">
                  {exact}
                </span>
              </span>
              <span className="orphan-reason">Not placed: {o.reason}</span>
              {o.note && (
                <span className="orphan-note" dir="auto">
                  Note: {shownQuote(o.note, LONG_QUOTE)}
                </span>
              )}
              <button
                type="button"
                className="orphan-delete"
                aria-label={`Delete orphan “${shownQuote(o.target.quote.exact, 60)}”`}
                onClick={() => {
                  deletedAt.current = i;
                  onDelete(o.id);
                }}
              >
                Delete
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
