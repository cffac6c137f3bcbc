import { z } from 'zod';
import { BUILT_IN_LABELS, isCustomLabelId, labelProblem, MAX_CUSTOM_LABELS, MAX_LABEL_NAME, newLabelId, normalLabelName, type Label, type LabelInput } from '../../core/labels.js';
import type { JsonStore, JsonStoreFactory } from '../store/json-store.js';
import { openSettingsFile } from '../store/settings-file.js';

/** Version of the label settings' shape, written into `labels.json`. */
export const LABEL_SETTINGS_VERSION = 1;

const CustomLabelSchema = z
  .object({
    id: z.string().refine(isCustomLabelId, 'not a custom label id'),
    name: z.string().min(1).max(MAX_LABEL_NAME),
    colour: z.string().regex(/^#[0-9a-f]{6}$/i),
    key: z.string().regex(/^([a-z0-9])?$/),
  })
  .strict();

const SettingsSchema = z.object({ schemaVersion: z.literal(LABEL_SETTINGS_VERSION), labels: z.array(CustomLabelSchema).max(MAX_CUSTOM_LABELS) });

/** A label change the analyst asked for that cannot be made; the message says why. */
export class LabelError extends Error {}

/**
 * The label set, applied to every article: the built-in labels, then the analyst's own, kept in
 * `<dataDir>/labels.json` (an electron-store in Electron, a `conf` store in plain Node). Opened
 * and validated by `openSettingsFile` (a damaged file is moved aside, never deleted: its last good
 * copy comes back, or the settings start empty, with a notice; a plain store throws `StoreError`).
 */
export class LabelSettings {
  private readonly store: JsonStore;
  private custom: Omit<Label, 'builtIn'>[];

  constructor(dataDir: string, openStore: JsonStoreFactory) {
    const opened = openSettingsFile(openStore, { cwd: dataDir, name: 'labels', schema: SettingsSchema, what: 'valid label settings', empty: { schemaVersion: LABEL_SETTINGS_VERSION, labels: [] } });
    this.store = opened.store;
    this.custom = opened.value.labels;
  }

  /** Every label: the built-ins first, then the custom ones in the order added. */
  all(): Label[] {
    return [...BUILT_IN_LABELS, ...this.custom.map((l) => ({ ...l, builtIn: false }))];
  }

  /** The label `id`, or null when there is none. */
  get(id: string): Label | null {
    return this.all().find((l) => l.id === id) ?? null;
  }

  /**
   * Adds a custom label and writes the file; its id comes from its name (`newLabelId`) unless
   * `id` names a free custom id (an import keeping the ids of another machine). Throws
   * `LabelError` when `input` is not a valid label next to the others. The name is stored in NFC
   * (`normalLabelName`).
   */
  add(given: LabelInput, id?: string): Label {
    const input = { ...given, name: normalLabelName(given.name) };
    if (this.custom.length >= MAX_CUSTOM_LABELS) throw new LabelError(`there are already ${MAX_CUSTOM_LABELS} labels of your own`);
    const labels = this.all();
    const problem = labelProblem(input, labels);
    if (problem) throw new LabelError(problem);
    const taken = labels.map((l) => l.id);
    const label = { id: id !== undefined && isCustomLabelId(id) && !taken.includes(id) ? id : newLabelId(input.name, taken), name: input.name, colour: input.colour.toLowerCase(), key: input.key };
    this.write([...this.custom, label]);
    return { ...label, builtIn: false };
  }

  /** Changes a custom label's name (stored in NFC), colour or key (its id stays) and writes the file. Throws `LabelError` for a built-in or unknown label or an invalid change. */
  update(id: string, patch: Partial<LabelInput>): Label {
    const current = this.requireCustom(id);
    const next = { ...current, ...patch, name: normalLabelName(patch.name ?? current.name), colour: (patch.colour ?? current.colour).toLowerCase() };
    const problem = labelProblem(next, this.all().filter((l) => l.id !== id));
    if (problem) throw new LabelError(problem);
    this.write(this.custom.map((l) => (l.id === id ? next : l)));
    return { ...next, builtIn: false };
  }

  /** Removes a custom label from the set and writes the file (its annotations are the caller's). Throws `LabelError` for a built-in or unknown label. */
  remove(id: string): void {
    this.requireCustom(id);
    this.write(this.custom.filter((l) => l.id !== id));
  }

  private requireCustom(id: string): Omit<Label, 'builtIn'> {
    if (BUILT_IN_LABELS.some((l) => l.id === id)) throw new LabelError(`${id} is a built-in label: it cannot be changed or removed`);
    const found = this.custom.find((l) => l.id === id);
    if (!found) throw new LabelError(`there is no label ${id}`);
    return found;
  }

  private write(custom: Omit<Label, 'builtIn'>[]): void {
    this.store.write({ schemaVersion: LABEL_SETTINGS_VERSION, labels: custom });
    this.custom = custom;
  }
}
