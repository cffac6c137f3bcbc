import type { OrphanAnnotation } from '../../../app/core/annotation.js';
import { labelOf } from '../../../app/core/labels.js';
import { useLabels } from './labels/labels-context.js';
import { shownQuote } from './quote-text.js';

/**
 * The orphans of the open article, for review: annotations carried over from an earlier text of
 * the file that could not be placed in this one. Each shows its type, its last quoted text and
 * why it could not be placed; none is painted in the reader. Renders nothing when there are none.
 */
export function OrphansSection({ orphans }: { orphans: readonly OrphanAnnotation[] }) {
  const labels = useLabels();
  if (orphans.length === 0) return null;
  return (
    <section className="orphans" role="region" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">
        Orphans <span className="count">{orphans.length}</span>
      </h2>
      <p className="empty">The text these were on has changed; they are kept here, not shown in the article.</p>
      <ol className="annotation-list">
        {orphans.map((o) => (
          <li key={o.id} className="orphan-item" data-annotation-id={o.id} title={o.reason}>
            <span className={`badge hl hl-${o.type}`}>{labelOf(labels, o.type).name}</span>
            <span className="exact">{shownQuote(o.target.quote.exact)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
