import { expect, it } from 'vitest';
import { describe } from '../../app/core/anchoring/describe.js';
import type { Annotation, AnnotationType, OrphanAnnotation } from '../../app/core/annotation.js';
import { sourceChoices } from '../../renderer/src/components/source-choices.js';

const TEXT = 'The mayor spoke first. Later, told reporters, said the spokesperson. The minister agreed, and in the evening the spokesperson said no.';
const TIME = '2026-01-01T00:00:00.000Z';

/** An annotation of `type` on the `nth` (from 0) occurrence of `quote` in TEXT. */
function annotate(id: string, type: AnnotationType, quote: string, nth = 0): Annotation {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(quote, start + 1);
  const annotation: Annotation = { id, type, target: describe(TEXT, start, start + quote.length), note: '', links: [], created: TIME, modified: TIME };
  expect(TEXT.slice(annotation.target.position.start, annotation.target.position.end)).toBe(annotation.target.quote.exact);
  return annotation;
}

it('names each source by its text, tells apart those quoting the same text by number and the words before them, and leaves out the annotation itself', () => {
  const annotations = [annotate('mayor', 'source', 'The mayor'), annotate('quote', 'quote', 'spoke first'), annotate('sp1', 'source', 'the spokesperson'), annotate('sp2', 'source', 'the spokesperson', 1)];
  expect(sourceChoices(annotations, [], 'quote', null)).toEqual([
    { id: 'mayor', label: 'The mayor', orphan: false },
    { id: 'sp1', label: 'the spokesperson (1 of 2, after “… Later, told reporters, said”)', orphan: false },
    { id: 'sp2', label: 'the spokesperson (2 of 2, after “… and in the evening”)', orphan: false },
  ]);
  // A source is not offered to itself; the one left quoting that text needs no number.
  expect(sourceChoices(annotations, [], 'sp1', null).map((c) => c.label)).toEqual(['The mayor', 'the spokesperson']);
});

it('lists the source a quote is attributed to when it has become an orphan, first and marked, and no other orphan', () => {
  const gone = annotate('gone', 'source', 'The minister');
  const orphans: OrphanAnnotation[] = [{ ...gone, reason: 'its text is not in the file' }, { ...annotate('other', 'source', 'The mayor'), id: 'other', reason: 'its text is not in the file' }];
  const annotations = [annotate('quote', 'quote', 'agreed')];
  expect(sourceChoices(annotations, orphans, 'quote', 'gone')).toEqual([{ id: 'gone', label: 'The minister (an orphan: its text is gone from the file)', orphan: true }]);
  expect(sourceChoices(annotations, orphans, 'quote', null)).toEqual([]);
});
