import { TextDecoder, labelToName } from '@exodus/bytes/encoding.js';
import chardet from 'chardet';
import sniffHtmlEncoding from 'html-encoding-sniffer';
import type { ArticleEncoding } from '../../core/article.js';
import { ImportError } from './errors.js';

/** A file's text and how it was decoded. */
export interface DecodedText {
  text: string;
  encoding: ArticleEncoding;
}

/** What the caller knows about the bytes besides the bytes themselves. */
export interface DecodeOptions {
  /** `html` also reads `<meta charset>` / `http-equiv`; every kind reads an XML declaration. */
  kind: 'text' | 'html';
  /** A charset label given outside the bytes (an MHTML part's `Content-Type`), or null. */
  transportCharset?: string | null;
  /** The encoding the analyst chose for this file (a WHATWG label), or null. */
  chosen?: string | null;
}

/** How many bytes chardet reads at most: enough for its statistics, bounded for large files. */
const DETECTION_SAMPLE_BYTES = 256 * 1024;

/** An escape sequence of ISO-2022 (ESC followed by `$` or `(`, as ISO-2022-JP switches character sets): never in UTF-8 text. */
const ISO_2022_ESCAPE = /\u001b[$(]/;

/**
 * The bytes decoded as UTF-8 when they are UTF-8 with a few damaged sequences (a saved page cut
 * inside a character, one stray byte): the bytes but a sequence cut short at their end are valid
 * UTF-8, or at least two characters decoded from valid multi-byte sequences stand for each U+FFFD.
 * A legacy single-byte text almost never holds valid multi-byte UTF-8 sequences (a capital
 * accented letter followed by a byte of 0x80–0xBF) and holds many invalid ones (every accented
 * small letter followed by a plain one), while read as windows-1252 damaged UTF-8 turns every
 * accented letter into two (`cafÃ©`). Null otherwise.
 */
function mostlyUtf8(bytes: Uint8Array): { text: string; replaced: number } | null {
  const loose = lossy(bytes, 'UTF-8');
  if (loose.replaced === 0) return null;
  if (strict(bytes.subarray(0, cutTail(bytes)), 'UTF-8') !== null) return loose;
  let multiByte = 0;
  for (const char of loose.text) if (char > '\u007f' && char !== '\ufffd') multiByte++;
  return multiByte >= 2 * loose.replaced ? loose : null;
}

/** Where a UTF-8 sequence cut short at the end of `bytes` begins (a lead byte with fewer continuation bytes after it than it needs); `bytes.length` when none is. */
function cutTail(bytes: Uint8Array): number {
  for (let back = 1; back <= 3 && back <= bytes.length; back++) {
    const b = bytes[bytes.length - back];
    if ((b & 0xc0) === 0x80) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > back ? bytes.length - back : bytes.length;
  }
  return bytes.length;
}

/** C1 control characters: real text almost never holds them, a wrong single-byte decoding often does. */
const C1_CONTROLS = /[\u0080-\u009f]/;

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}

/** Decodes without replacing anything; null when the bytes are not valid in `encoding`. The BOM of `encoding` is dropped. */
function strict(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Decodes replacing what does not decode with U+FFFD, and counts the replacements. */
function lossy(bytes: Uint8Array, encoding: string): { text: string; replaced: number } {
  const text = new TextDecoder(encoding).decode(bytes);
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  return { text, replaced };
}

/** A WHATWG encoding name for `label`, or null for unknown labels and the `replacement` encoding. */
function encodingName(label: string | null | undefined): string | null {
  const name = label ? labelToName(label.trim()) : null;
  return name && name !== 'replacement' ? name : null;
}

/**
 * The encoding the bytes declare: the transport charset, else an XML declaration
 * (`<?xml version="1.0" encoding="…"?>`), else for HTML `<meta charset>` / `http-equiv` in the
 * first 4 KiB. Sniffed by `html-encoding-sniffer` (WHATWG HTML and XML rules).
 */
function declaredEncoding(bytes: Uint8Array, options: DecodeOptions): string | null {
  const transport = encodingName(options.transportCharset);
  if (transport) return transport;
  // "<?xml" in ASCII: the one place an XML declaration may stand.
  if (bytes[0] === 0x3c && bytes[1] === 0x3f && bytes[2] === 0x78 && bytes[3] === 0x6d && bytes[4] === 0x6c) {
    const xml = asciiCompatible(encodingName(sniffHtmlEncoding(bytes, { xml: true, defaultEncoding: '' })));
    if (xml) return xml;
  }
  if (options.kind !== 'html') return null;
  return asciiCompatible(encodingName(sniffHtmlEncoding(bytes, { defaultEncoding: '', maxPrescanBytes: 4096 })));
}

/** A declaration read as ASCII cannot mean UTF-16 (the HTML standard reads it as UTF-8). */
function asciiCompatible(name: string | null): string | null {
  return name?.startsWith('UTF-16') ? 'UTF-8' : name;
}

/** chardet's candidates, best first, as WHATWG names decodable here. */
function detectedCandidates(bytes: Uint8Array): { name: string; confidence: number }[] {
  const seen = new Set<string>();
  const out: { name: string; confidence: number }[] = [];
  for (const match of chardet.analyse(bytes.subarray(0, DETECTION_SAMPLE_BYTES))) {
    const name = encodingName(match.name);
    // Without a BOM, UTF-16 is never guessed: NUL bytes mean a binary file here.
    if (!name || name.startsWith('UTF-16') || seen.has(name)) continue;
    seen.add(name);
    out.push({ name, confidence: match.confidence });
  }
  return out;
}

/**
 * True when `bytes` look like UTF-16 text without a byte-order mark (mostly ASCII-range
 * characters): in the first 4 KiB, at least 90% of the bytes of one parity are NUL and at most
 * 5% of the other. Used only to word the refusal: UTF-16 is never decoded without a BOM.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return false;
  const nul = [0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) nul[i % 2]++;
  const [most, least] = nul[0] > nul[1] ? [nul[0], nul[1]] : [nul[1], nul[0]];
  return most >= 0.9 * (n / 2) && least <= 0.05 * (n / 2);
}

/** Throws `not-text` when decoded text holds NUL or is mostly C0 control characters: a binary file. */
function requireText(text: string, name: string): void {
  if (text.includes('\u0000')) throw new ImportError('not-text', `${name}: the file holds binary data, not text`);
  const controls = text.match(/[\u0001-\u0008\u000e-\u001a\u001c-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 8 && controls > text.length / 100) throw new ImportError('not-text', `${name}: the file holds binary data, not text`);
}

/**
 * Decodes a file's bytes with the WHATWG Encoding Standard decoders of `@exodus/bytes` (Node's
 * own `TextDecoder` decodes windows-1252 as ISO-8859-1, turning curly quotes into C1 controls).
 * The first rule that yields text decides:
 * 1. the encoding the analyst chose for this file (`options.chosen`);
 * 2. a byte-order mark (UTF-8, UTF-16 LE/BE), which is never part of the text;
 * 3. bytes that are valid UTF-8 are UTF-8 (saved pages often keep a stale legacy
 *    `<meta charset>` after a re-save as UTF-8), unless they hold ISO-2022 escape sequences;
 *    bytes that are UTF-8 but for a few damaged sequences or one cut short at their end
 *    (`mostlyUtf8`) are UTF-8 with U+FFFD for those, counted;
 * 4. the declared encoding (see `declaredEncoding`), when the bytes are valid in it;
 * 5. detection by `chardet`: the best candidate the bytes are valid in, without C1 controls;
 * 6. else the declared or best-detected encoding, with U+FFFD for what does not decode, counted
 *    in `encoding.replaced` so the reader can offer another encoding.
 * Nothing is ever replaced silently. Throws `ImportError('not-text')` for a binary file (NUL
 * bytes without a UTF-16 BOM, or many control characters).
 */
export function decodeText(bytes: Uint8Array, name: string, options: DecodeOptions): DecodedText {
  const result = decode(bytes, name, options);
  // A byte-order mark is never a character, nor are the copies of it a careless concatenation leaves.
  result.text = result.text.replace(/^\uFEFF+/, '');
  requireText(result.text, name);
  return result;
}

function decode(bytes: Uint8Array, name: string, options: DecodeOptions): DecodedText {
  const chosen = encodingName(options.chosen);
  const bom = bomEncoding(bytes);
  if (chosen) {
    const text = strict(bytes, chosen);
    const declared = bom ?? declaredEncoding(bytes, options);
    if (text !== null) return { text, encoding: record(chosen, 'chosen', declared, null, 0) };
    const loose = lossy(bytes, chosen);
    return { text: loose.text, encoding: record(chosen, 'chosen', declared, null, loose.replaced) };
  }
  if (bom) {
    const text = strict(bytes, bom);
    if (text !== null) return { text, encoding: record(bom, 'bom', null, null, 0) };
    const loose = lossy(bytes, bom);
    return { text: loose.text, encoding: record(bom, 'bom', null, null, loose.replaced) };
  }
  if (bytes.includes(0)) {
    if (looksLikeUtf16(bytes)) throw new ImportError('not-text', `${name}: the file looks like UTF-16 text without a byte-order mark, which Attest does not guess; save it as UTF-8, or as UTF-16 with a byte-order mark`);
    throw new ImportError('not-text', `${name}: the file holds binary data, not text`);
  }
  const declared = declaredEncoding(bytes, options);
  const utf8 = strict(bytes, 'UTF-8');
  // ISO-2022-JP is 7-bit, so valid UTF-8 too: its escape sequences tell it apart.
  if (utf8 !== null && !ISO_2022_ESCAPE.test(utf8)) return { text: utf8, encoding: record('UTF-8', 'utf-8', declared, null, 0) };
  const damaged = utf8 === null ? mostlyUtf8(bytes) : null;
  if (damaged) return { text: damaged.text, encoding: record('UTF-8', 'utf-8', declared, null, damaged.replaced) };
  if (declared) {
    const text = strict(bytes, declared);
    if (text !== null && !C1_CONTROLS.test(text)) return { text, encoding: record(declared, 'declared', declared, null, 0) };
  }
  const candidates = detectedCandidates(bytes);
  for (const candidate of candidates) {
    const text = strict(bytes, candidate.name);
    if (text !== null && !C1_CONTROLS.test(text)) {
      return { text, encoding: record(candidate.name, 'detected', declared, candidate.confidence, 0) };
    }
  }
  const fallback = declared ?? candidates[0]?.name ?? 'UTF-8';
  const loose = lossy(bytes, fallback);
  return {
    text: loose.text,
    encoding: record(fallback, declared ? 'declared' : 'detected', declared, declared ? null : candidates[0]?.confidence ?? 0, loose.replaced),
  };
}

function record(name: string, source: ArticleEncoding['source'], declared: string | null, confidence: number | null, replaced: number): ArticleEncoding {
  return { name, source, declared, confidence, replaced };
}
