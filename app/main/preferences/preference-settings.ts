import { z } from 'zod';
import { NO_PREFERENCES, PreferencesSchema, type Preferences } from '../../core/preferences.js';
import type { JsonStore, JsonStoreFactory } from '../store/json-store.js';
import { openSettingsFile } from '../store/settings-file.js';

const PreferencesFileSchema = z.object({ schemaVersion: z.literal(1), preferences: PreferencesSchema });

/**
 * The analyst's preferences (`preferences.json` in the data directory): one file for Electron and
 * browser mode alike, so they outlive a browser profile. Opened on first use and validated by
 * `openSettingsFile` (a damaged file is moved aside, never deleted: its last good copy comes back,
 * or none, with a notice; a plain store throws `StoreError`).
 */
export class PreferenceSettings {
  private store: JsonStore | null = null;
  private value: Preferences | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly openStore: JsonStoreFactory,
  ) {}

  /** The preferences now (a copy). */
  get(): Preferences {
    return { ...this.load() };
  }

  /** Changes the preferences `patch` names, written at once when one differs; returns them all. */
  set(patch: Partial<Preferences>): Preferences {
    const next = { ...this.load(), ...patch };
    if (JSON.stringify(next) !== JSON.stringify(this.value)) {
      this.store!.write({ schemaVersion: 1, preferences: next });
      this.value = next;
    }
    return this.get();
  }

  private load(): Preferences {
    if (this.value) return this.value;
    const opened = openSettingsFile(this.openStore, {
      cwd: this.dataDir,
      name: 'preferences',
      schema: PreferencesFileSchema,
      what: 'a valid preferences file',
      empty: { schemaVersion: 1, preferences: NO_PREFERENCES },
    });
    this.store = opened.store;
    return (this.value = { ...opened.value.preferences });
  }
}
