import type { ImportError } from '../../app/main/importers/errors.js';
import { makeZipBomb } from './zip-bomb.js';

/** Deterministic bytes (xorshift32), so a failing case is the same on every run. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const paragraph = 'The council met on Tuesday to discuss the budget for the coming year and the works. ';
/**
 * The malformed inputs of issue 6, each a file name, its bytes (made on demand) and what it must
 * end in: an article or an `ImportError` code. Used by the unit test and `bench/malformed.ts`.
 */
export const MALFORMED_CASES: { name: string; file: string; bytes: () => Uint8Array | string; expect: 'article' | ImportError['code'] }[] = [
  { name: 'truncated HTML', file: 'truncated.html', bytes: () => `<html><head><title>T</title></head><body><article><p>${paragraph.repeat(4)}</p><p>Second <b>bold <i>and`, expect: 'article' },
  { name: 'random bytes as HTML', file: 'random.html', bytes: () => noise(64 * 1024, 7), expect: 'not-text' },
  { name: 'random bytes as text', file: 'random.txt', bytes: () => noise(64 * 1024, 11), expect: 'not-text' },
  { name: 'random bytes as .docx', file: 'random.docx', bytes: () => noise(64 * 1024, 13), expect: 'unreadable' },
  { name: 'random bytes as MHTML', file: 'random.mhtml', bytes: () => noise(64 * 1024, 17), expect: 'no-article' },
  { name: 'invalid UTF-8', file: 'invalid-utf8.txt', bytes: () => Buffer.concat([Buffer.from('Valid start. '), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0xf0, 0x28, 0x8c, 0xbc]), Buffer.from(' valid end.')]), expect: 'article' },
  { name: '10,000-deep nesting', file: 'deep.html', bytes: () => `<html><body><article>${'<div>'.repeat(10_000)}<p>${paragraph.repeat(3)}</p>${'</div>'.repeat(10_000)}</article></body></html>`, expect: 'unreadable' },
  { name: 'a single 5 MB line of text', file: 'line.txt', bytes: () => 'word '.repeat(1024 * 1024), expect: 'article' },
  { name: 'a single 5 MB line of HTML', file: 'line.html', bytes: () => `<html><body><p>${'word '.repeat(1024 * 1024)}</p></body></html>`, expect: 'article' },
  { name: 'a zip bomb as .docx (300 MB inflated)', file: 'bomb.docx', bytes: () => makeZipBomb(300 * 1024 * 1024), expect: 'too-large' },
  { name: 'a zip bomb as .docx whose headers say 1 KB (300 MB inflated)', file: 'lying-bomb.docx', bytes: () => makeZipBomb(300 * 1024 * 1024, 1024), expect: 'too-large' },
  { name: 'a 0-byte file', file: 'empty.html', bytes: () => '', expect: 'empty' },
];
