import type { ExportLabel } from '../../core/formats/labels.js';
import { BUILT_IN_LABELS, isCustomLabelId, labelNameKey, MAX_LABEL_NAME, normalLabelName, withoutRefusedCharacters, type Label } from '../../core/labels.js';
import { LabelError, type LabelSettings } from './label-settings.js';

/** What `adoptLabels` did with the label ids of an import. */
export interface AdoptedLabels {
  /** For each imported label id it could take: the id of the label here its annotations take. */
  ids: Map<string, string>;
  /** The imported label ids it could not take (not a custom label id, or the set is full), each with the reason. */
  failed: Map<string, string>;
  /** Imported labels whose annotations take a label with another id here (same name, or an id here naming another label), each with the reason in words for the analyst. */
  changed: { id: string; reason: string }[];
}

/**
 * An imported label name as a name here: NFC, without the characters `labelProblem` refuses
 * (`withoutRefusedCharacters`: controls, bidi controls, format characters but the joiners), trimmed, at most `MAX_LABEL_NAME` UTF-16 code units cut
 * at a whole code point; null when nothing is left.
 */
function cleanName(name: string | undefined): string | null {
  const clean = withoutRefusedCharacters(normalLabelName(name ?? '')).trim();
  let out = '';
  for (const ch of clean) {
    if (out.length + ch.length > MAX_LABEL_NAME) break;
    out += ch;
  }
  return out.trim() || null;
}

/**
 * Matches the label ids of an import (`types`, annotation types read from an Attest export or a
 * W3C document) with the label set here, by id and name (`labelNameKey`: NFKC, case folded), with
 * the names and colours `described` gives (the export's labels), adding what is missing as the
 * analyst's own label (never with a key; grey when no colour is given):
 * - a built-in id (claim, quote, source) is that built-in label;
 * - an id here whose label has the described name (or no name is described) is that label;
 * - a described name that a label here has under another id is that label (listed in `changed`);
 * - an id not here is added with the described name (else named by the id);
 * - an id here naming another label: the imported label is added under a new id made from its
 *   name (`newLabelId`), and its annotations take it (listed in `changed`): never the other label.
 * Returns the mapping, the ids that could not be taken with the reason (their annotations are the
 * caller's to report), and what was matched to another id. Throws what the settings store throws.
 */
export function adoptLabels(settings: LabelSettings, types: Iterable<string>, described: readonly ExportLabel[] = []): AdoptedLabels {
  const result: AdoptedLabels = { ids: new Map(), failed: new Map(), changed: [] };
  for (const id of new Set(types)) {
    if (BUILT_IN_LABELS.some((l) => l.id === id)) {
      result.ids.set(id, id);
      continue;
    }
    if (!isCustomLabelId(id)) {
      result.failed.set(id, `label ${id} is not one of the labels`);
      continue;
    }
    const found = described.find((l) => l.id === id);
    const given = cleanName(found?.name);
    const here = settings.get(id);
    if (here && (given === null || labelNameKey(here.name) === labelNameKey(given))) {
      result.ids.set(id, id);
      continue;
    }
    const name = given ?? id;
    const sameName = settings.all().find((l) => labelNameKey(l.name) === labelNameKey(name));
    if (sameName) {
      result.ids.set(id, sameName.id);
      result.changed.push({ id, reason: `label ${id} (${name}) of the file is the label ${sameName.name} here (${sameName.id}): its annotations take it` });
      continue;
    }
    const colour = found && /^#[0-9a-f]{6}$/i.test(found.colour) ? found.colour : '#808080';
    let added: Label;
    try {
      added = settings.add({ name, colour, key: '' }, here ? undefined : id);
    } catch (error) {
      if (!(error instanceof LabelError)) throw error;
      result.failed.set(id, `label ${id} (${name}) could not be added (${error.message})`);
      continue;
    }
    result.ids.set(id, added.id);
    if (here) result.changed.push({ id, reason: `label ${id} is ${here.name} here but ${name} in the file: ${name} was added as label ${added.id}, and its annotations take it (not ${here.name})` });
  }
  return result;
}

/**
 * Adopts the labels of imported records (`adoptLabels` on their types and on the ids of the
 * export's `described` labels, so that a label no annotation uses comes too): the records whose
 * label could be taken, their `type` set to the label here; those that could not (`refused`, each
 * record's id with the reason); and `changed` (imported labels of records that took another id
 * here, and unused ones that could not be added, with the reason).
 */
export function adoptImportedLabels<T extends { id: string; type: string }>(
  settings: LabelSettings,
  records: readonly T[],
  described: readonly ExportLabel[] = [],
): { records: T[]; refused: { id: string; reason: string }[]; changed: { id: string; reason: string }[] } {
  const types = records.map((r) => r.type);
  const adopted = adoptLabels(settings, [...types, ...described.map((l) => l.id)], described);
  const { ids, failed } = adopted;
  // Where an unused label went says nothing about the file's annotations; that it could not be added does.
  const changed = adopted.changed.filter((c) => types.includes(c.id));
  for (const [id, reason] of failed) if (!types.includes(id) && isCustomLabelId(id)) changed.push({ id, reason: `${reason}; no annotation of the file uses it` });
  const refused = records.filter((r) => failed.has(r.type)).map((r) => ({ id: r.id, reason: failed.get(r.type)! }));
  const kept = records.filter((r) => ids.has(r.type)).map((r) => (ids.get(r.type) === r.type ? r : { ...r, type: ids.get(r.type)! }));
  return { records: kept, refused, changed };
}
