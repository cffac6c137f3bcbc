import { memo, useMemo } from 'react';
import type { AnnotationEdits } from '../state/annotation-edits.js';
import type { SessionState } from '../state/session-store.js';
import { AnnotationDetails } from './AnnotationDetails.js';
import { AnnotationsPanel } from './AnnotationsPanel.js';

/**
 * The column beside the reader: the selected annotation's details above the Annotations panel.
 * Rendered again only when `state` or a handler changes (App may pass a state held for a frame:
 * `useHeldUntilPainted`).
 */
export const SideColumn = memo(function SideColumn({ state, edits, onSelect }: { state: SessionState; edits: AnnotationEdits; onSelect(id: string): void }) {
  const selected = useMemo(() => state.annotations.find((a) => a.id === state.selectedId) ?? null, [state.annotations, state.selectedId]);
  return (
    <div className="side-column">
      {selected && <AnnotationDetails annotation={selected} annotations={state.annotations} orphans={state.opened?.orphans ?? []} edits={edits} />}
      <AnnotationsPanel annotations={state.annotations} orphans={state.opened?.orphans ?? []} selectedId={state.selectedId} onSelect={onSelect} onDeleteOrphan={(id) => void edits.requestDelete(id)} />
    </div>
  );
});
