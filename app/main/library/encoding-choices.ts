import { z } from 'zod';
import { ENCODING_CHOICES, type EncodingChoice } from '../../core/encodings.js';
import type { JsonStore, JsonStoreFactory } from '../store/json-store.js';
import { openSettingsFile } from '../store/settings-file.js';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const EncodingChoicesSchema = z.object({
  schemaVersion: z.literal(1),
  /** File SHA-256 -> the encoding the analyst chose for those bytes. */
  files: z.record(sha256Hex, z.enum(ENCODING_CHOICES)),
});

/**
 * The encodings the analyst chose for files (`encodings.json` in the data directory), keyed by
 * the SHA-256 of the file's bytes so a renamed or moved copy keeps the choice, and a changed
 * file is decoded afresh. Opened on first use and validated by `openSettingsFile` (a damaged
 * file is moved aside, never deleted: its last good copy comes back, or the choices start empty,
 * with a notice; a plain store throws `StoreError`).
 */
export class EncodingChoices {
  private store: JsonStore | null = null;
  private files: Record<string, EncodingChoice> | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly openStore: JsonStoreFactory,
  ) {}

  /** The encoding chosen for a file with these bytes' SHA-256, or null. */
  get(fileSha256: string): EncodingChoice | null {
    return this.load()[fileSha256] ?? null;
  }

  /** Remembers `encoding` for a file with these bytes' SHA-256; written at once. */
  set(fileSha256: string, encoding: EncodingChoice): void {
    const files = this.load();
    if (files[fileSha256] === encoding) return;
    files[fileSha256] = encoding;
    this.store!.write({ schemaVersion: 1, files });
  }

  private load(): Record<string, EncodingChoice> {
    if (this.files) return this.files;
    const opened = openSettingsFile(this.openStore, { cwd: this.dataDir, name: 'encodings', schema: EncodingChoicesSchema, what: 'a valid encodings file', empty: { schemaVersion: 1, files: {} } });
    this.store = opened.store;
    return (this.files = opened.value.files);
  }
}
