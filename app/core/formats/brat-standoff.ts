import type { Annotation, OrphanAnnotation } from '../annotation.js';
import type { Article } from '../article.js';
import { toAnnotatedEntry } from './annotated-json.js';
import { DEFAULT_EXPORT_LABELS, type ExportLabel } from './labels.js';

/**
 * brat standoff (https://brat.nlplab.org/standoff.html) of one article: `txt` is the canonical
 * text, `ann` its annotations, one per line, tab-separated:
 * - `T<n>\t<type> <start> <end>[;<start> <end>…]\t<text>`: a placed annotation, offsets in
 *   **code points** of `txt` (as brat counts, Python string indices). brat's text-bound
 *   annotations cannot hold a newline, so a span crossing LFs is written as discontinuous
 *   fragments, one per line of it (empty lines left out), and `<text>` is the fragments joined by
 *   a space, as brat shows them;
 * - `R<n>\tAttributedTo Arg1:T<a> Arg2:T<b>`: attribution (the quote or claim, then its source);
 * - `#<n>\tAnnotatorNotes T<a>\t<note>`: a note, its line breaks written as spaces.
 * The label id is the entity type, with characters brat does not allow in a type replaced by
 * `_`. Orphans have no offsets in this text and are left out (listed in `orphans`, by id).
 * Pure; throws `RangeError` as `toAnnotatedJson`.
 */
export function toBrat(article: Article, annotations: readonly Annotation[], orphans: readonly OrphanAnnotation[] = []): { txt: string; ann: string; orphans: string[] } {
  const entry = toAnnotatedEntry(article, annotations, orphans);
  const text = entry.article.text;
  const chars = Array.from(text);
  const lines: string[] = [];
  const tOf = new Map<string, string>();
  let n = 0;
  for (const a of entry.annotations) {
    if (a.orphan) continue;
    const t = `T${++n}`;
    tOf.set(a.id, t);
    const fragments = fragmentsOf(chars, a.startCodePoint, a.endCodePoint);
    const shown = fragments.map(([s, e]) => chars.slice(s, e).join('')).join(' ');
    lines.push(`${t}\t${bratType(a.type)} ${fragments.map(([s, e]) => `${s} ${e}`).join(';')}\t${shown}`);
  }
  let r = 0;
  let notes = 0;
  for (const a of entry.annotations) {
    const from = tOf.get(a.id);
    if (!from) continue;
    for (const link of a.links) {
      const to = tOf.get(link.target);
      if (to) lines.push(`R${++r}\tAttributedTo Arg1:${from} Arg2:${to}`);
    }
  }
  for (const a of entry.annotations) {
    const t = tOf.get(a.id);
    if (t && a.note) lines.push(`#${++notes}\tAnnotatorNotes ${t}\t${a.note.replace(/[\t\r\n]+/g, ' ')}`);
  }
  return { txt: text, ann: lines.length ? `${lines.join('\n')}\n` : '', orphans: entry.annotations.filter((a) => a.orphan).map((a) => a.id) };
}

/** A brat type name for label `id`: letters, digits, `_` and `-` kept, anything else `_`. */
function bratType(id: string): string {
  return id.replace(/[^\p{L}\p{N}_-]/gu, '_') || '_';
}

/** [start, end) in code points of `chars`, split at LFs into fragments of the lines it covers, empty ones left out. */
function fragmentsOf(chars: string[], start: number, end: number): [number, number][] {
  const fragments: [number, number][] = [];
  let s = start;
  for (let i = start; i <= end; i++) {
    if (i === end || chars[i] === '\n') {
      if (i > s) fragments.push([s, i]);
      s = i + 1;
    }
  }
  return fragments;
}

/**
 * The brat configuration for a folder of exports: `annotation.conf` declaring the label ids as
 * entity types and `AttributedTo` as a relation between any two, and `visual.conf` giving each
 * its name and colour from `labels` (https://brat.nlplab.org/configuration.html).
 */
export function bratConfig(labels: readonly ExportLabel[] = DEFAULT_EXPORT_LABELS): { annotationConf: string; visualConf: string } {
  const types = labels.map((l) => ({ type: bratType(l.id), name: l.name.replace(/[|\t\r\n]+/g, ' '), colour: l.colour }));
  const annotationConf = ['[entities]', ...types.map((t) => t.type), '', '[relations]', 'AttributedTo\tArg1:<ENTITY>, Arg2:<ENTITY>', '', '[events]', '', '[attributes]', ''].join('\n');
  const visualConf = ['[labels]', ...types.map((t) => `${t.type} | ${t.name}`), 'AttributedTo | Attributed to', '', '[drawing]', ...types.map((t) => `${t.type}\tbgColor:${t.colour}`), ''].join('\n');
  return { annotationConf, visualConf };
}
