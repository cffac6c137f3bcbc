import { observeElementRect, useVirtualizer, type Rect, type Virtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Annotation, AnnotationType, OrphanAnnotation } from '../../../app/core/annotation.js';
import { labelOf } from '../../../app/core/labels.js';
import { attributionOf, SOURCE_TYPE } from '../../../app/core/attribution.js';
import { OrphansSection } from './OrphansSection.js';
import { useRowFocus } from './row-focus.js';
import { ALL, countsByType, panelRowsFor, type PanelQuery, type PanelSort } from './panel-view.js';
import { useLabels } from './labels/labels-context.js';
import { shownQuote } from './quote-text.js';

/** The filters: a toggle per type with its count, a text box and the order. */
function PanelFilters({ counts, query, onChange }: { counts: ReadonlyMap<AnnotationType, number>; query: PanelQuery; onChange(query: PanelQuery): void }) {
  const labels = useLabels();
  const toggle = (type: AnnotationType) =>
    onChange({ ...query, types: query.types.includes(type) ? query.types.filter((t) => t !== type) : [...query.types, type] });
  return (
    <div className="panel-filters">
      <div className="type-filters" role="group" aria-label="Show types">
        {labels.map(({ id, name }) => (
          <button key={id} type="button" className="type-filter" aria-pressed={query.types.includes(id)} onClick={() => toggle(id)}>
            <span className={`badge hl hl-${id}`}>{name}</span> <span className="count">{counts.get(id) ?? 0}</span>
          </button>
        ))}
      </div>
      <input type="search" aria-label="Filter annotations" placeholder="Filter quotes and notes" value={query.text} onChange={(event) => onChange({ ...query, text: event.target.value })} />
      <label className="panel-sort">
        <span>Sort</span>
        <select value={query.sort} onChange={(event) => onChange({ ...query, sort: event.target.value as PanelSort })}>
          <option value="position">By position</option>
          <option value="newest">Newest first</option>
        </select>
      </label>
    </div>
  );
}

/**
 * Every row's height, in rem: two lines of text (styles.css: the quote, or the quote's first line
 * and its source; the whole quote is in the details). Rows of one known height are placed exactly
 * without being measured, so a row far away is painted where it belongs in the frame that scrolls
 * to it.
 */
const ROW_REM = 3.75;

/** A row's height in CSS pixels at the document's root font size. */
function rowHeightPx(): number {
  return ROW_REM * (parseFloat(getComputedStyle(document.documentElement).fontSize) || 16);
}

/**
 * The panel listing the article's annotations (a click selects one and shows it; an attributed
 * one names its source), filtered by type and text, sorted by position or time, with counts per
 * type; a virtualised list (@tanstack/react-virtual), so thousands of rows stay smooth. Then the
 * orphans, each deleted through `onDeleteOrphan`.
 */
export function AnnotationsPanel(props: { annotations: readonly Annotation[]; orphans: readonly OrphanAnnotation[]; selectedId: string | null; onSelect(id: string): void; onDeleteOrphan(id: string): void }) {
  const [query, setQuery] = useState<PanelQuery>(ALL);
  const labels = useLabels();
  const rows = useMemo(() => panelRowsFor(props.annotations, query), [props.annotations, query]);
  const counts = useMemo(() => countsByType(props.annotations), [props.annotations]);
  // Main keeps every attribution on an annotation of type source (`linkProblem`), and the sources
  // are few; one that became an orphan (its text gone from the file) is named as such.
  const sources = useMemo(
    () => new Map([...props.annotations.filter((a) => a.type === SOURCE_TYPE).map((a) => [a.id, shownQuote(a.target.quote.exact)] as const), ...props.orphans.filter((o) => o.type === SOURCE_TYPE).map((o) => [o.id, `${shownQuote(o.target.quote.exact)} (orphan)`] as const)]),
    [props.annotations, props.orphans],
  );
  const sourceOf = (a: Annotation) => sources.get(attributionOf(a) ?? '');
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualiser places its rows again from the first when its options change: the key and
  // size functions change with the rows only, not at every render.
  const getItemKey = useCallback((i: number) => rows[i].id, [rows]);
  const [rowHeight] = useState(rowHeightPx);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // The list's size as the virtualiser knows it (its ResizeObserver tells it in the next frame),
  // told again at once when needed (`tellSize`).
  const tellSize = useRef<(() => void) | null>(null);
  const observeSize = useCallback((instance: Virtualizer<HTMLDivElement, Element>, tell: (rect: Rect) => void) => {
    const element = instance.scrollElement;
    tellSize.current = element ? () => tell({ width: element.clientWidth, height: element.clientHeight }) : null;
    const stop = observeElementRect(instance, tell);
    return () => {
      tellSize.current = null;
      stop?.();
    };
  }, []);
  const rowFocus = useRowFocus(rows.length, scroller, rowHeight, query);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize, overscan: 3, getItemKey, observeElementRect: observeSize, rangeExtractor: rowFocus.rangeExtractor });
  const items = virtualizer.getVirtualItems();
  const tabStop = rowFocus.tabStop(items[0]?.index ?? 0);
  // A selection made elsewhere (the reader, the keys) brings its row into view; typing in the
  // filter or editing a note does not pull the list back to it. The details above the list
  // change with the selection and so the list's height: the scroll is reckoned with the height
  // it has now, and the frame that scrolls paints the row.
  const rowsNow = useRef(rows);
  rowsNow.current = rows;
  useEffect(() => {
    const i = rowsNow.current.findIndex((a) => a.id === props.selectedId);
    if (i < 0) return;
    tellSize.current?.();
    virtualizer.scrollToIndex(i, { align: 'auto' });
    // The virtualiser renders the rows of a new scroll position on the scroll event, which the
    // browser sends with the next frame: an early copy of it, sent once this render is done, has
    // them rendered for the frame that paints this render.
    const list = scroller.current;
    if (list && list.scrollTop !== virtualizer.scrollOffset) queueMicrotask(() => list.dispatchEvent(new Event('scroll')));
  }, [props.selectedId, virtualizer]);

  return (
    <aside className="panel" role="region" aria-label="Annotations">
      <h2>
        Annotations <span className="count">{rows.length === props.annotations.length ? props.annotations.length : `${rows.length} of ${props.annotations.length}`}</span>
      </h2>
      {props.annotations.length === 0 ? (
        <p className="empty">Select text in the article, then choose a label: Claim, Quote, Source or one of your own.</p>
      ) : (
        <>
          <PanelFilters counts={counts} query={query} onChange={setQuery} />
          {rows.length === 0 && <p className="empty">No annotation matches.</p>}
          <div ref={scroller} className="annotation-scroller">
            <ol className="annotation-list" style={{ height: virtualizer.getTotalSize() }} aria-label={`${rows.length} shown`} onKeyDown={(event) => rowFocus.onKeyDown(event, virtualizer)}>
              {items.map((item) => {
                const a = rows[item.index];
                const source = sourceOf(a);
                return (
                  <li key={item.key} className="annotation-row" style={{ height: `${ROW_REM}rem`, transform: `translateY(${item.start}px)` }}>
                    <button
                      type="button"
                      className={`annotation-item${a.id === props.selectedId ? ' selected' : ''}`}
                      aria-current={a.id === props.selectedId ? 'true' : undefined}
                      data-annotation-id={a.id}
                      data-row-index={item.index}
                      tabIndex={item.index === tabStop ? 0 : -1}
                      onFocus={() => rowFocus.onRowFocus(item.index)}
                      onClick={() => props.onSelect(a.id)}
                    >
                      <span className={`badge hl hl-${a.type}`}>{labelOf(labels, a.type).name}</span>
                      <span className="row-text">
                        <span className="exact" dir="auto">
                          {shownQuote(a.target.quote.exact)}
                        </span>
                        {source && (
                          <span className="attribution" dir="auto">
                            → {source}
                          </span>
                        )}
                      </span>
                    </button>
                  </li>
                );
              })}
            </ol>
          </div>
        </>
      )}
      <OrphansSection orphans={props.orphans} onDelete={props.onDeleteOrphan} />
    </aside>
  );
}
