import type { Annotation, OrphanAnnotation } from '../../../app/core/annotation.js';
import { attributionOf } from '../../../app/core/attribution.js';
import { OrphansSection } from './OrphansSection.js';
import { TYPE_LABELS } from './Toolbar.js';

/** The panel listing every annotation in document order (a click selects one and shows it; an attributed one names its source), then the orphans. */
export function AnnotationsPanel(props: { annotations: readonly Annotation[]; orphans: readonly OrphanAnnotation[]; selectedId: string | null; onSelect(id: string): void }) {
  const byId = new Map(props.annotations.map((a) => [a.id, a] as const));
  const sourceOf = (a: Annotation) => byId.get(attributionOf(a) ?? '')?.target.quote.exact;
  return (
    <aside className="panel" role="region" aria-label="Annotations">
      <h2>
        Annotations <span className="count">{props.annotations.length}</span>
      </h2>
      {props.annotations.length === 0 ? (
        <p className="empty">Select text in the article, then choose Claim, Quote or Source.</p>
      ) : (
        <ol className="annotation-list">
          {props.annotations.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className={`annotation-item${a.id === props.selectedId ? ' selected' : ''}`}
                aria-current={a.id === props.selectedId ? 'true' : undefined}
                data-annotation-id={a.id}
                onClick={() => props.onSelect(a.id)}
              >
                <span className={`badge hl hl-${a.type}`}>{TYPE_LABELS[a.type].name}</span>
                <span className="exact">{a.target.quote.exact}</span>
                {sourceOf(a) && <span className="attribution">→ {sourceOf(a)}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
      <OrphansSection orphans={props.orphans} />
    </aside>
  );
}
