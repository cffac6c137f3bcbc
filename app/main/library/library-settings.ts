import { z } from 'zod';
import { RecentFileSchema, type RecentFile } from '../../core/library-schemas.js';
import type { JsonStore, JsonStoreFactory } from '../store/json-store.js';
import { openSettingsFile } from '../store/settings-file.js';

/** Version of the library settings' shape, written into `library.json`. */
export const LIBRARY_SETTINGS_VERSION = 1;

/** How many recently opened articles are remembered. */
export const RECENT_LIMIT = 10;

const SettingsSchema = z.object({
  schemaVersion: z.literal(LIBRARY_SETTINGS_VERSION),
  roots: z.array(z.string()),
  recent: z.array(RecentFileSchema),
});

/**
 * The library's remembered settings in `<dataDir>/library.json` (an electron-store in Electron,
 * a `conf` store in plain Node): the library roots (absolute folder paths, in the order added)
 * and the recent files, newest first, at most `RECENT_LIMIT`. Opened and validated by
 * `openSettingsFile` (a damaged file is moved aside, never deleted: its last good copy comes
 * back, or the settings start empty, with a notice; a plain store throws `StoreError`).
 */
export class LibrarySettings {
  private readonly store: JsonStore;
  private data: z.infer<typeof SettingsSchema>;

  constructor(dataDir: string, openStore: JsonStoreFactory) {
    const opened = openSettingsFile(openStore, { cwd: dataDir, name: 'library', schema: SettingsSchema, what: 'valid library settings', empty: { schemaVersion: LIBRARY_SETTINGS_VERSION, roots: [], recent: [] } });
    this.store = opened.store;
    this.data = opened.value;
  }

  /** The roots, absolute paths in the order they were added. */
  get roots(): readonly string[] {
    return this.data.roots;
  }

  /** The recent files, newest first. */
  get recent(): readonly RecentFile[] {
    return this.data.recent;
  }

  /** Replaces the roots and writes the file. */
  setRoots(roots: readonly string[]): void {
    this.data = { ...this.data, roots: [...roots] };
    this.store.write(this.data);
  }

  /** Puts `file` first in the recent files (dropping an older entry of the same path) and writes the file. */
  addRecent(file: RecentFile): void {
    const recent = [file, ...this.data.recent.filter((r) => r.path !== file.path)].slice(0, RECENT_LIMIT);
    this.data = { ...this.data, recent };
    this.store.write(this.data);
  }

  /** Forgets the recent file at `path`; false when it was not one. */
  removeRecent(path: string): boolean {
    const recent = this.data.recent.filter((r) => r.path !== path);
    if (recent.length === this.data.recent.length) return false;
    this.data = { ...this.data, recent };
    this.store.write(this.data);
    return true;
  }
}
