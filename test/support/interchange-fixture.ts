import { join } from 'node:path';
import type { Annotation, OrphanAnnotation } from '../../app/core/annotation.js';
import { describe } from '../../app/core/anchoring/describe.js';
import { importFile } from '../../app/main/importers/index.js';
import type { ExportRecord } from '../../app/main/exporters/export-records.js';

/** The fixed export time and generator of golden files. */
export const GOLDEN_META = { generator: { name: 'Attest', version: 'golden' }, exported: '2026-01-02T03:04:05.000Z' };

/** The `n`th occurrence (from 0) of `exact` in `text` as a UTF-16 range; throws when absent. */
export function find(text: string, exact: string, n = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= n; i++) {
    start = text.indexOf(exact, start + 1);
    if (start < 0) throw new Error(`${JSON.stringify(exact)} #${n} is not in the text`);
  }
  return { start, end: start + exact.length };
}

/**
 * `interchange-crlf.txt` opened as the app opens it, with its source path made relative (so
 * goldens do not depend on the checkout) and five annotations with fixed ids and times: a claim
 * holding an emoji with a note, a quote overlapping it across a line end, attributed to a source,
 * a claim in the title, and an orphan.
 */
export async function interchangeRecord(): Promise<ExportRecord> {
  const path = join(import.meta.dirname, '../fixtures/interchange-crlf.txt');
  const opened = await importFile(path);
  const article = { ...opened, source: { ...opened.source, path: 'test/fixtures/interchange-crlf.txt' } };
  const text = article.text;
  const at = (id: string, type: string, exact: string, extra: Partial<Annotation> = {}): Annotation => {
    const { start, end } = find(text, exact);
    return { id, type: type as Annotation['type'], target: describe(text, start, end), note: '', links: [], created: '2026-01-01T10:00:00.000Z', modified: '2026-01-01T10:00:00.000Z', ...extra };
  };
  const annotations = [
    at('a1-claim', 'claim', 'fares will rise 🚆 by 5%', { note: 'Check the "5%" against the budget,\nline 2.' }),
    at('a2-quote', 'quote', '"fares will rise 🚆 by 5%" on Monday,\naccording', { links: [{ type: 'attributedTo', target: 'a3-source' }] }),
    at('a3-source', 'source', 'The mayor'),
    at('a4-title', 'claim', 'fare rise'),
  ];
  const orphans: OrphanAnnotation[] = [
    { id: 'a5-orphan', type: 'claim', target: { quote: { type: 'TextQuoteSelector', exact: 'a sentence since removed', prefix: 'office. ', suffix: '' } }, note: '', links: [], created: '2026-01-01T10:00:00.000Z', modified: '2026-01-01T11:00:00.000Z', reason: 'the quote is no longer in the text' },
  ];
  return { article, annotations, orphans };
}
