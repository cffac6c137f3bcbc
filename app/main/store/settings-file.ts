import { existsSync } from 'node:fs';
import type { z } from 'zod';
import type { JsonStore, JsonStoreFactory } from './json-store.js';
import { StoreError } from './store-error.js';

/** What `openSettingsFile` needs: where the file is, its zod schema, and what a new file holds. */
export interface SettingsFileOptions<T> {
  /** The folder of the file (the data directory). */
  cwd: string;
  /** The file's name without `.json`. */
  name: string;
  /** The schema the whole content must pass. */
  schema: z.ZodType<T>;
  /** What the file is, for messages: "not <what> (<first zod issue>)". */
  what: string;
  /** The value of a file that does not exist yet (a file holding `{}` fails `schema` like any other content). */
  empty: NoInfer<T>;
}

/**
 * Opens the settings file `<cwd>/<name>.json` through `openStore` and validates its content once
 * with `schema`; returns the store (to write the file) and the validated value, or `empty` for
 * a new file. Through `safeStoreFactory` the schema is the store's `check`, so a damaged file is
 * moved aside, its last good copy restored and a `StoreNotice` given, and the value is that of
 * the copy; the check's result is kept, so the content is not validated a second time. Through a
 * plain factory a content that fails throws `StoreError` naming the file, which is left as it is.
 */
export function openSettingsFile<T>(openStore: JsonStoreFactory, { cwd, name, schema, what, empty }: SettingsFileOptions<T>): { store: JsonStore; value: T } {
  let last: { raw: Record<string, unknown>; result: z.ZodSafeParseResult<T> } | null = null;
  const validate = (raw: Record<string, unknown>) => {
    if (last?.raw !== raw) last = { raw, result: schema.safeParse(raw) };
    return last.result;
  };
  const reason = (error: z.ZodError) => `not ${what} (${error.issues[0]?.message})`;
  const store = openStore({ cwd, name, check: (raw) => {
    const result = validate(raw);
    return result.success ? null : reason(result.error);
  } });
  const raw = store.read();
  // A store reads as `{}` when its file is missing; a file that is there is validated, `{}` too.
  if (Object.keys(raw).length === 0 && !existsSync(store.path)) return { store, value: empty };
  const result = validate(raw);
  if (!result.success) throw new StoreError(store.path, reason(result.error));
  return { store, value: result.data };
}
