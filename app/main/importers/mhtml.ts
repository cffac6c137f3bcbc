import { fromBase64 } from '@exodus/bytes/base64.js';
import { isomorphicDecode, isomorphicEncode } from '@exodus/bytes/encoding.js';
import { ImportError } from './errors.js';

/** The page an MHTML file holds: its HTML bytes, their declared charset, and where it was saved from. */
export interface MhtmlPage {
  html: Uint8Array;
  /** The `charset` parameter of the HTML part's `Content-Type`, or null. */
  charset: string | null;
  /** `Snapshot-Content-Location` (Chromium), else the HTML part's `Content-Location`, or null. */
  location: string | null;
}

interface Entity {
  headers: Map<string, string>;
  /** The body as a binary string: one char per byte (ISO-8859-1 by code point). */
  body: string;
}

/** A header value's main value (lower case) and its `;`-separated parameters (RFC 2045 §5.1). */
function parseHeaderValue(value: string): { value: string; params: Map<string, string> } {
  const [main, ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const m of rest.join(';').matchAll(/([^\s=;]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))/g)) {
    params.set(m[1].toLowerCase(), m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]);
  }
  return { value: main.trim().toLowerCase(), params };
}

/** Splits a MIME entity into its headers (names lower case, folded lines unfolded) and body. */
function parseEntity(raw: string): Entity {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : '';
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** The body parts of a multipart body delimited by `--boundary` lines (RFC 2046 §5.1.1). */
function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let start = -1;
  for (let at = body.indexOf(delimiter); at >= 0; at = body.indexOf(delimiter, at + delimiter.length)) {
    if (at > 0 && body[at - 1] !== '\n') continue;
    // The line break before a delimiter belongs to the delimiter.
    if (start >= 0) parts.push(body.slice(start, body[at - 2] === '\r' ? at - 2 : at - 1));
    if (body.startsWith('--', at + delimiter.length)) return parts;
    const eol = body.indexOf('\n', at);
    if (eol < 0) return parts;
    start = eol + 1;
  }
  if (start >= 0) parts.push(body.slice(start));
  return parts;
}

/** Decodes `quoted-printable` (RFC 2045 §6.7) into a binary string. */
function decodeQuotedPrintable(text: string): string {
  return text.replace(/[ \t]+(?=\r?\n)/g, '').replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The body's bytes after its `Content-Transfer-Encoding`. */
function decodeBody(entity: Entity, name: string): Uint8Array {
  const encoding = (entity.headers.get('content-transfer-encoding') ?? '7bit').trim().toLowerCase();
  if (encoding === 'quoted-printable') return isomorphicEncode(decodeQuotedPrintable(entity.body));
  if (encoding === 'base64') {
    try {
      return fromBase64(entity.body.replace(/[\s]+/g, ''));
    } catch {
      throw new ImportError('unreadable', `${name}: the page's base64 body is damaged`);
    }
  }
  if (encoding === '7bit' || encoding === '8bit' || encoding === 'binary') return isomorphicEncode(entity.body);
  throw new ImportError('unsupported', `${name}: unknown Content-Transfer-Encoding ${encoding}`);
}

/** The root HTML entity: the multipart's `start` part, else its first text/html part, searched depth first. */
function findHtml(entity: Entity): Entity | null {
  const type = parseHeaderValue(entity.headers.get('content-type') ?? 'text/plain');
  if (type.value === 'text/html' || type.value === 'application/xhtml+xml') return entity;
  const boundary = type.params.get('boundary');
  if (!type.value.startsWith('multipart/') || !boundary) return null;
  const parts = splitMultipart(entity.body, boundary).map(parseEntity);
  const start = type.params.get('start');
  const root = start ? parts.find((p) => p.headers.get('content-id') === start) : undefined;
  for (const part of root ? [root, ...parts] : parts) {
    const found = findHtml(part);
    if (found) return found;
  }
  return null;
}

/**
 * Reads a single-file saved page (MHTML, RFC 2557 `multipart/related` as Chromium and others
 * save it): finds the root text/html part, undoes its `Content-Transfer-Encoding`
 * (quoted-printable, base64, 7bit/8bit/binary) and reports its charset and location. The HTML's
 * own characters are decoded later, by `decodeText`. Throws `ImportError('no-article')` when the
 * file holds no HTML part.
 */
export function readMhtml(bytes: Uint8Array, name: string): MhtmlPage {
  const top = parseEntity(isomorphicDecode(bytes));
  const html = findHtml(top);
  if (!html) throw new ImportError('no-article', `${name}: the MHTML file holds no text/html part`);
  return {
    html: decodeBody(html, name),
    charset: parseHeaderValue(html.headers.get('content-type') ?? '').params.get('charset') ?? null,
    location: top.headers.get('snapshot-content-location') ?? html.headers.get('content-location') ?? null,
  };
}
