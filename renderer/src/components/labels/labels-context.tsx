import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import { BUILT_IN_LABELS, type Label } from '../../../../app/core/labels.js';
import type { LabelStore } from '../../state/label-store.js';

/** The label set for every component that names, colours or lists labels; the built-ins until main answers. */
const LabelsContext = createContext<readonly Label[]>(BUILT_IN_LABELS);

/** Gives its children the label set of `store`, following its changes. */
export function LabelsProvider({ store, children }: { store: LabelStore; children: ReactNode }) {
  const { labels } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return <LabelsContext.Provider value={labels}>{children}</LabelsContext.Provider>;
}

/** The current label set (built-ins first). */
export function useLabels(): readonly Label[] {
  return useContext(LabelsContext);
}
