import { describe as suite, expect, it } from 'vitest';
import { AMBIGUOUS_REASON } from '../../app/core/anchoring/anchor.js';
import { describe } from '../../app/core/anchoring/describe.js';
import { reanchor } from '../../app/core/anchoring/reanchor.js';
import type { Annotation } from '../../app/core/annotation.js';

// Re-anchoring where the text holds look-alikes of a tagged passage: a sentence that ends two
// paragraphs, a phrase said twice, a paragraph copied elsewhere. A tag must not move onto the
// look-alike when its own passage is gone or when only the position could tell them apart and
// the position does not.

const time = '2026-01-01T00:00:00.000Z';
/** Long filler paragraphs: each over 256 code units, so look-alikes on either side are far apart. */
const filler = (topic: string) =>
  `The ${topic} committee heard from eleven witnesses over three long sessions, took written evidence from ` +
  `local firms and residents, visited two sites on the river, and asked the council to publish every ` +
  `contract it had signed since the spring, with the names of the officers who approved each one.`;
const join = (paragraphs: string[]) => paragraphs.join('\n\n');

/** An annotation of `type` on the first occurrence of `words` at or after `from` in `text`. */
const tag = (id: string, text: string, words: string, from = 0, type = 'claim'): Annotation => {
  const start = text.indexOf(words, from);
  if (start < 0) throw new Error(`${words} is not in the text`);
  return { id, type, target: describe(text, start, start + words.length), note: '', links: [], created: time, modified: time };
};

/** Where each placed annotation begins now, by id. */
const starts = (text: string, items: Annotation[]) => {
  const result = reanchor(text, items);
  for (const a of result.annotations) expect(text.slice(a.target.position.start, a.target.position.end)).toBe(a.target.quote.exact);
  return { placed: new Map(result.annotations.map((a) => [a.id, a.target.position.start])), orphans: new Map(result.orphans.map((o) => [o.id, o.reason])) };
};

suite('re-anchoring among look-alikes', () => {
  it('orphans a tag of a removed paragraph rather than put it where one side of its context is only close, far from where it was', () => {
    const gone = 'In a statement sent to reporters, officials said the budget was balanced last year.';
    const other = 'In a statement to the press, city officials said the budget was balanced last year.';
    const text = join(['Opening words of the piece.', gone, filler('housing'), filler('transport'), other, 'Closing words.']);
    const a = tag('a', text, 'the budget');
    // There the prefix is 11 edits from the recorded one (between 5/8 and 3/4 of its 32 code units
    // agree); the suffix agrees but for the next paragraph's first words.
    const after = text.replace(`${gone}\n\n`, '');
    const { placed, orphans } = starts(after, [a]);
    expect(placed.size).toBe(0);
    expect(orphans.has('a')).toBe(true);
  });

  // Two paragraphs, far apart, that end with the same sentence.
  const ending = 'Nobody from the company would comment on the plan.';
  const first = `The works will close the road for a month. ${ending}`;
  const endings = join(['A short opening.', first, filler('roads'), filler('harbour'), `Drivers were told to expect long delays. ${ending}`, 'A closing paragraph of notes.']);

  it('orphans a tag on the last words of a removed paragraph that another paragraph, far away, ends with too', () => {
    const text = endings;
    const a = tag('a', text, 'on the plan', text.indexOf(first));
    const b = tag('b', text, 'would comment', text.indexOf(first));
    const after = text.replace(`${first}\n\n`, '');
    const { placed, orphans } = starts(after, [a, b]);
    expect([...placed.keys()]).toEqual([]);
    expect([...orphans.keys()].sort()).toEqual(['a', 'b']);
  });

  it('keeps such a tag on its own paragraph when the text only moved, the other ending being far away', () => {
    const text = endings;
    const a = tag('a', text, 'on the plan', text.indexOf(first));
    const after = text.replace('A short opening.', 'A short opening, now with a longer first sentence added by the editor.');
    const { placed } = starts(after, [a]);
    expect(placed.get('a')).toBe(after.indexOf('on the plan'));
  });

  it('orphans a tag of a removed paragraph rather than put it at the start of the next one, where a paragraph break stands in its prefix', () => {
    const gone = 'Tom spoke to us Monday. When you plan ahead, you save money.';
    const next = 'When you plan ahead, you save money. When you do not, you pay.';
    const text = join(['The opening paragraph of the report.', gone, next, filler('schools')]);
    const a = tag('a', text, 'plan ahead');
    const after = text.replace(`${gone}\n\n`, '');
    // The next paragraph's words are within 32 code units of where the tag was, with the suffix and
    // the 8 code units before it the same; the rest of the prefix is another paragraph's end.
    expect(Math.abs(after.indexOf('plan ahead') - a.target.position.start)).toBeLessThanOrEqual(32);
    const { placed, orphans } = starts(after, [a]);
    expect(placed.size).toBe(0);
    expect(orphans.has('a')).toBe(true);
  });

  it('orphans a tag at the very end of the text, once its paragraph is removed, rather than put it where its words go on', () => {
    const caption = '[Visitors at the old mill, which is home to amazing Roman coins] The exhibition opens on Sunday.';
    const last = 'The old mill, which is home to amazing Roman coins';
    const text = join(['The opening paragraph.', caption, filler('museum'), last]);
    const a = tag('a', text, 'Roman coins', text.indexOf(last));
    expect(a.target.quote.suffix).toBe('');
    const after = text.slice(0, text.lastIndexOf('\n\n'));
    const { placed, orphans } = starts(after, [a]);
    expect(placed.size).toBe(0);
    expect(orphans.has('a')).toBe(true);
  });

  it('places a tag at the end of the text still at the end after text is added before it', () => {
    const last = 'The old mill, which is home to amazing Roman coins';
    const text = join(['The opening paragraph.', filler('museum'), last]);
    const a = tag('a', text, 'Roman coins', text.indexOf(last));
    const after = `A new first line.\n\n${text}`;
    expect(starts(after, [a]).placed.get('a')).toBe(after.lastIndexOf('Roman coins'));
  });
});

suite('re-anchoring a paragraph that is copied elsewhere', () => {
  const copied = 'The council will publish its accounts in June, a spokesman for the treasurer confirmed on Tuesday.';
  const [opening, closing] = ['The first paragraph ends here.', 'The last paragraph of the article.'];

  it('orphans a tag whose paragraph moved while a copy of it went elsewhere: neither place is where its neighbours are', () => {
    const text = join([opening, copied, filler('audit'), filler('budget'), closing]);
    const items = [tag('first', text, 'ends here'), tag('in', text, 'publish its accounts'), tag('last', text, 'of the article')];
    // The paragraph moves to the end; a copy goes between the two fillers.
    const after = join([opening, filler('audit'), copied, filler('budget'), closing, copied]);
    const { placed, orphans } = starts(after, items);
    expect(placed.get('first')).toBe(after.indexOf('ends here'));
    expect(placed.get('last')).toBe(after.indexOf('of the article'));
    expect(orphans.get('in')).toBe(AMBIGUOUS_REASON);
  });

  it('keeps a tag on its paragraph when a copy of it is inserted elsewhere and its neighbours moved with it', () => {
    const text = join([opening, copied, filler('audit'), filler('budget'), closing]);
    const items = [tag('first', text, 'ends here'), tag('in', text, 'publish its accounts'), tag('next', text, 'The audit committee')];
    const after = join(['A new paragraph at the top, written after the first version.', opening, copied, filler('audit'), copied, filler('budget'), closing]);
    const { placed } = starts(after, items);
    expect(placed.get('in')).toBe(after.indexOf('publish its accounts'));
    expect(placed.get('next')).toBe(after.indexOf('The audit committee'));
  });
});

suite('re-anchoring a span whose last word was deleted', () => {
  it('does not end it inside the next word, whose first letter an approximate match would take for the deleted one', () => {
    const text = 'The register will not be automatic, a judge will decide. Some examined cases could also appear in the file from next year.';
    const a = tag('a', text, 'Some examined cases could also');
    const after = text.replace('could also appear', 'could appear');
    const result = reanchor(after, [a]);
    // "Some examined cases could a" (3 edits) would cut "appear"; the span was between words at both ends.
    expect(result.annotations.map((x) => x.target.quote.exact)).toEqual([]);
    expect(result.orphans.map((o) => o.id)).toEqual(['a']);
  });
});

suite('re-anchoring a whole first or last paragraph after a paragraph is added beside it', () => {
  // The span is its whole paragraph at an edge of the text: one side of its context is empty (the
  // text's edge), the other agrees only out to the paragraph break, past which a new paragraph stands.
  const body = [filler('budget'), filler('transport'), 'The vote was 7 to 2.'];
  const text = join(['Intro line', ...body]);

  it('keeps a tagged headline when a standfirst is added after it', () => {
    const a = tag('a', text, 'Intro line');
    expect(a.target.quote.prefix).toBe('');
    const after = join(['Intro line', 'A new standfirst about the mayor.', ...body]);
    expect(starts(after, [a]).placed.get('a')).toBe(0);
  });

  it('keeps a tagged last paragraph when a paragraph is added before it', () => {
    const a = tag('a', text, 'The vote was 7 to 2.');
    expect(a.target.quote.suffix).toBe('');
    const after = join(['Intro line', filler('budget'), filler('transport'), 'A new paragraph about the mayor.', 'The vote was 7 to 2.']);
    expect(starts(after, [a]).placed.get('a')).toBe(after.indexOf('The vote was 7 to 2.'));
  });

  it('keeps a tagged last paragraph when the paragraph before it is replaced', () => {
    const a = tag('a', text, 'The vote was 7 to 2.');
    const after = join(['Intro line', filler('budget'), 'A paragraph written anew, about something else.', 'The vote was 7 to 2.']);
    expect(starts(after, [a]).placed.get('a')).toBe(after.indexOf('The vote was 7 to 2.'));
  });

  it('never puts a whole paragraph on another paragraph of the same words, once its own is edited, removed or replaced', () => {
    const said = 'We will not raise taxes.';
    const paragraphs = ['Tax debate', 'The finance minister spoke first.', said, 'She left the podium soon after.', 'The opposition leader answered an hour later.', said, 'He was cheered.'];
    const before = join(paragraphs);
    const a = tag('a', before, said);
    const other = before.lastIndexOf(said);
    for (const own of ['We will not raise income taxes this year.', null, 'Then she spoke about the budget.']) {
      const after = join(paragraphs.flatMap((p, i) => (i === 2 ? (own === null ? [] : [own]) : [p])));
      const { placed } = starts(after, [a]);
      expect(placed.get('a'), String(own)).not.toBe(after.lastIndexOf(said));
    }
    expect(other).toBeGreaterThan(before.indexOf(said));
  });

  it('never puts a removed first paragraph on a later paragraph of the same words', () => {
    const text = join(['Breaking news', 'The council met at noon.', 'Breaking news', 'The mayor resigned.']);
    const a = tag('a', text, 'Breaking news');
    const after = join(['The council met at noon.', 'Breaking news', 'The mayor resigned.']);
    expect(starts(after, [a]).placed.has('a')).toBe(false);
  });
});
