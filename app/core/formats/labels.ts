/**
 * The label set written into exports: what each annotation `type` (a label id) is called and the
 * colour it is painted in. Exporters take the set as a parameter (the built-in three by default),
 * so that a label set edited by the analyst is exported the same way.
 */
import { BUILT_IN_LABELS } from '../labels.js';

/** One label as exports describe it: `id` is the annotation `type`; `colour` a CSS hex colour (`#rrggbb`). */
export interface ExportLabel {
  id: string;
  name: string;
  colour: string;
}

/** The built-in labels (`BUILT_IN_LABELS`) as exports describe them. */
export const DEFAULT_EXPORT_LABELS: readonly ExportLabel[] = BUILT_IN_LABELS.map(({ id, name, colour }) => ({ id, name, colour }));

/** The display name of label `id` in `labels`, or the id itself when the set does not hold it. */
export function labelName(labels: readonly ExportLabel[], id: string): string {
  return labels.find((l) => l.id === id)?.name ?? id;
}
