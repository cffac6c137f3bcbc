import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';

/** zlib's raw inflate on libuv's thread pool: main's thread is not held while an entry inflates. */
const inflateRawAsync = promisify(inflateRaw);

/** Where a ZIP's central directory starts and how many entries it lists, from its end record; null without one. */
function centralDirectory(bytes: Uint8Array): { view: DataView; entries: number; offset: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535, at the very end.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) return { view, entries: view.getUint16(i + 10, true), offset: view.getUint32(i + 16, true) };
  }
  return null;
}
/**
 * The total uncompressed size a ZIP archive declares for its entries, read from its central
 * directory (PKWARE APPNOTE.TXT 4.3.12 central directory header, 4.3.16 end of central
 * directory record) without inflating anything. Returns null when the bytes are not a ZIP this
 * can read (no end record, a header out of place) and `Infinity` for a ZIP64 entry or archive,
 * whose sizes are in extra fields: a Word document is never that large.
 */
export function declaredUncompressedSize(bytes: Uint8Array): number | null {
  const directory = centralDirectory(bytes);
  if (!directory) return null;
  const { view, entries } = directory;
  let { offset } = directory;
  if (entries === 0xffff || offset === 0xffffffff) return Infinity;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}

/**
 * Inflates every entry of a ZIP archive with output capped (Node's zlib `maxOutputLength`), as a
 * check that the archive really holds no more than `limit` bytes whatever its headers say: the
 * defence against a ZIP that understates its sizes. Answers the total, `'over'` as soon as the
 * entries exceed `limit`, or null for an entry this cannot read (unknown compression, a header
 * out of place, a broken stream). Reads entries where the central directory places them, as
 * JSZip does. Entries inflate off main's thread (zlib's asynchronous `inflateRaw`), one at a time.
 */
export async function inflatedSizeWithin(bytes: Uint8Array, limit: number): Promise<number | 'over' | null> {
  const directory = centralDirectory(bytes);
  if (!directory) return null;
  const { view, entries } = directory;
  let { offset } = directory;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) return null;
    const method = view.getUint16(offset + 10, true);
    const compressed = view.getUint32(offset + 20, true);
    const local = view.getUint32(offset + 42, true);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) return null;
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, Math.min(bytes.length, start + compressed));
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += (await inflateRawAsync(data, { maxOutputLength: limit - total + 1 })).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'over';
        return null;
      }
    } else return null;
    if (total > limit) return 'over';
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return total;
}
