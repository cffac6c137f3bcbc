import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { random as seeded } from '../../bench/generate.js';
import { describe as suite, expect, it } from 'vitest';
import { ImportError } from '../../app/main/importers/errors.js';
import { importFile } from '../../app/main/importers/index.js';
import { canonicalTextProblem } from '../support/canonical.js';
import { makeDocx } from '../support/make-docx.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('fuzz');
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures', name)));


const SNIPPETS = ['<script>', '</p>', '<p>', '<div', '<!--', ']]>', '<![CDATA[', '&#0;', '&#xD800;', '\uFEFF', '\r\n', '\0', '<svg><script>x</script>', '<a href="javascript:x">', '<iframe src=//x>', '"', '\'', '>', '<', '\u202E', '\uD800', '😀', 'Content-Type: text/html\r\n\r\n', '--boundary\r\n', '{"schemaVersion":', '<?xml version="1.0" encoding="UTF-16"?>', '<meta charset="shift_jis">', '*'.repeat(50), '> '.repeat(30)];

/** One malformed input made from `base` by 1–4 random edits: truncation, byte flips, inserted bytes or snippets, a duplicated slice. */
function mutate(base: Uint8Array, random: () => number): Uint8Array {
  let bytes = base;
  const int = (n: number) => Math.floor(random() * n);
  for (let edits = 1 + int(4); edits > 0; edits--) {
    const at = int(bytes.length + 1);
    switch (int(5)) {
      case 0:
        bytes = bytes.slice(0, at);
        break;
      case 1: {
        bytes = bytes.slice();
        for (let n = 1 + int(16); n > 0 && bytes.length > 0; n--) bytes[int(bytes.length)] = int(256);
        break;
      }
      case 2:
        bytes = concat(bytes.slice(0, at), Uint8Array.from({ length: 1 + int(64) }, () => int(256)), bytes.slice(at));
        break;
      case 3:
        bytes = concat(bytes.slice(0, at), new TextEncoder().encode(SNIPPETS[int(SNIPPETS.length)].repeat(1 + int(20))), bytes.slice(at));
        break;
      default: {
        const from = int(bytes.length + 1);
        bytes = concat(bytes.slice(0, at), bytes.slice(from, from + int(2000)), bytes.slice(at));
      }
    }
  }
  return bytes;
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) (out.set(p, at), (at += p.length));
  return out;
}

suite('importer fuzzing', () => {
  it('1,000 seeded malformed inputs each end in a canonical article or an ImportError', async () => {
    // A fixed seed, so every run (and CI) tries the same inputs; ATTEST_FUZZ_SEED tries others.
    const seed = Number(process.env.ATTEST_FUZZ_SEED ?? 20261129);
    const random = seeded(seed);
    const docx = await makeDocx([{ style: 'Heading1', runs: [{ text: 'Budget' }] }, { runs: [{ text: 'The council met. ', bold: true }, { text: 'Minutes', href: 'https://example.org/m' }] }]);
    const corpus: [string, Uint8Array][] = [
      ['txt', fixture('emoji.txt')], ['txt', fixture('crlf.txt')], ['html', fixture('structure.html')], ['html', fixture('hostile-page.html')],
      ['html', fixture('arabic-report.html')], ['md', fixture('structure.md')], ['xhtml', fixture('structure.xhtml')], ['mhtml', fixture('saved-page.mhtml')], ['docx', docx],
    ];
    const outcomes: Record<string, number> = {};
    for (let i = 0; i < 1000; i++) {
      const [ext, base] = corpus[Math.floor(random() * corpus.length)];
      const path = temp.write(`fuzz-${i}.${ext}`, mutate(base, random));
      const where = `seed ${seed} (ATTEST_FUZZ_SEED=${seed}), input ${i} (${path})`;
      try {
        const article = await importFile(path);
        expect(canonicalTextProblem(article), where).toBeNull();
        outcomes.article = (outcomes.article ?? 0) + 1;
      } catch (error) {
        if (!(error instanceof ImportError)) throw new Error(`${where}: ${(error as Error).stack}`);
        outcomes[error.code] = (outcomes[error.code] ?? 0) + 1;
      }
    }
    // Both ends were reached: the mutations are not all harmless nor all fatal.
    expect(outcomes.article, JSON.stringify(outcomes)).toBeGreaterThan(100);
    expect(1000 - outcomes.article, JSON.stringify(outcomes)).toBeGreaterThan(50);
  }, 300_000);
});
