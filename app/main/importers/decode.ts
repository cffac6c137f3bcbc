import { TextDecoder } from '@exodus/bytes/encoding.js';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import { ImportError } from './errors.js';

/** A file's text and the encoding it was read in (a WHATWG Encoding Standard name). */
export interface DecodedText {
  text: string;
  encoding: string;
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'UTF-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'UTF-16LE', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'UTF-16BE', length: 2 };
  return null;
}

function decodeStrict(bytes: Uint8Array, encoding: string, name: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new ImportError('not-text', `${name}: the bytes are not valid ${encoding}`);
  }
}

/**
 * Decodes a file's bytes with the WHATWG Encoding Standard decoders of `@exodus/bytes` (Node's
 * own `TextDecoder` decodes windows-1252 as ISO-8859-1, turning curly quotes into C1 controls):
 * 1. a byte-order mark (UTF-8, UTF-16 LE/BE) decides, and is not part of the text;
 * 2. else bytes that are valid UTF-8 are UTF-8 (saved pages often keep a stale legacy
 *    `<meta charset>` after a re-save as UTF-8);
 * 3. else, for HTML, the declared encoding (`html-encoding-sniffer`: `<meta charset>`,
 *    `http-equiv`), decoded strictly.
 * Throws `ImportError('not-text')` when the bytes do not decode, or contain NUL bytes
 * (a binary file); nothing is ever replaced by U+FFFD silently.
 */
export function decodeText(bytes: Uint8Array, name: string, kind: 'txt' | 'html'): DecodedText {
  const bom = bomEncoding(bytes);
  let result: DecodedText;
  if (bom) {
    result = { text: decodeStrict(bytes.subarray(bom.length), bom.encoding, name), encoding: bom.encoding };
  } else {
    try {
      result = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
    } catch {
      if (kind !== 'html') throw new ImportError('not-text', `${name}: the file is not UTF-8 text, and no other encoding is declared`);
      const declared = sniffHtmlEncoding(bytes, { defaultEncoding: 'UTF-8', maxPrescanBytes: 4096 });
      result = { text: decodeStrict(bytes, declared, name), encoding: declared };
    }
  }
  if (result.text.includes('\u0000')) throw new ImportError('not-text', `${name}: the file holds binary data, not text`);
  return result;
}
