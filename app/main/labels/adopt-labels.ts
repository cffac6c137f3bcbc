import type { ExportLabel } from '../../core/formats/labels.js';
import { isCustomLabelId } from '../../core/labels.js';
import { LabelError, type LabelSettings } from './label-settings.js';

/**
 * Makes sure the label set holds every label id of `types` (annotation types read from an
 * import), adding the missing ones as the analyst's own: with the name and colour `described`
 * gives them (an export's `labels`), else named by the id in grey; never a key. A name that
 * clashes gets its id added in brackets. Returns the ids that could not be added (not a custom
 * label id, or the set is full), each with the reason; their annotations are the caller's to report.
 */
export function adoptLabels(settings: LabelSettings, types: Iterable<string>, described: readonly ExportLabel[] = []): Map<string, string> {
  const failed = new Map<string, string>();
  for (const id of new Set(types)) {
    if (settings.get(id) || failed.has(id)) continue;
    if (!isCustomLabelId(id)) {
      failed.set(id, `label ${id} is not one of the labels`);
      continue;
    }
    const found = described.find((l) => l.id === id);
    const name = (found?.name.trim() || id).slice(0, 40);
    const colour = found && /^#[0-9a-f]{6}$/i.test(found.colour) ? found.colour : '#808080';
    try {
      const clash = settings.all().some((l) => l.name.toLocaleLowerCase() === name.toLocaleLowerCase());
      settings.add({ name: clash ? `${name.slice(0, 40 - id.length - 3)} (${id})` : name, colour, key: '' }, id);
    } catch (error) {
      if (!(error instanceof LabelError)) throw error;
      failed.set(id, `label ${id} could not be added (${error.message})`);
    }
  }
  return failed;
}
