/**
 * One JSON file of the data directory, read and written whole. In the Electron main process it
 * is an `electron-store`; in plain Node (command line, browser mode, tests) a `conf` store,
 * the library electron-store is built on, with the same file format and write path.
 */
export interface JsonStore {
  /** The file's absolute path. */
  readonly path: string;
  /** The whole parsed content. */
  read(): Record<string, unknown>;
  /** Replaces the whole content: one write of the file. */
  write(value: Record<string, unknown>): void;
}

/** Says whether what a store file holds is acceptable: null when it is, else why not. */
export type StoreCheck = (raw: Record<string, unknown>) => string | null;

/**
 * Opens (or creates) the store `<cwd>/<name>.json`. Throws when the file exists but does not
 * parse. `check` is used by `safeStoreFactory` (recovery from a damaged file); plain factories ignore it.
 */
export type JsonStoreFactory = (options: { cwd: string; name: string; check?: StoreCheck }) => JsonStore;
