/**
 * Deterministic workloads for the benchmarks: news-like text in paragraphs and sentences, and
 * spans over it of which a given share overlap another, all from a seed (mulberry32 PRNG).
 */

/** A seeded pseudo-random generator returning numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the minister said council report officials agreed budget barrier harbour vote plan review water authority ' +
  'spokesperson confirmed denied claimed according sources government year million euros percent rise fall ' +
  'residents opposition critics data figures study found police statement court ruling election campaign'
).split(' ');

/** A text of about `chars` UTF-16 code units: paragraphs of 3–7 sentences, joined by two LFs. */
export function generateText(seed: number, chars: number): string {
  const next = random(seed);
  const pick = () => WORDS[Math.floor(next() * WORDS.length)];
  const paragraphs: string[] = [];
  let length = 0;
  while (length < chars) {
    const sentences: string[] = [];
    const count = 3 + Math.floor(next() * 5);
    for (let s = 0; s < count; s++) {
      const words = Array.from({ length: 6 + Math.floor(next() * 14) }, pick);
      words[0] = words[0][0].toUpperCase() + words[0].slice(1);
      sentences.push(`${words.join(' ')}.`);
    }
    const p = sentences.join(' ');
    paragraphs.push(p);
    length += p.length + 2;
  }
  return paragraphs.join('\n\n').slice(0, chars).replace(/\s+\S*$/, '.');
}

/**
 * `count` spans [start, end) over `text` (UTF-16), each from a word start to a word end, a
 * `overlap` share of them overlapping or nested in an earlier one; sorted by start.
 */
export function generateSpans(text: string, seed: number, count: number, overlap = 0.3): { start: number; end: number }[] {
  const next = random(seed);
  const starts: number[] = [0];
  for (let i = 1; i < text.length; i++) if (/\s/.test(text[i - 1]) && /\S/.test(text[i])) starts.push(i);
  const wordEnd = (from: number) => {
    let e = from;
    while (e < text.length && /\S/.test(text[e])) e++;
    return e;
  };
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < count; i++) {
    if (spans.length > 0 && next() < overlap) {
      const base = spans[Math.floor(next() * spans.length)];
      const inside = starts.filter((s) => s > base.start && s < base.end);
      const start = inside.length > 0 ? inside[Math.floor(next() * inside.length)] : base.start;
      spans.push({ start, end: wordEnd(starts[Math.min(starts.length - 1, starts.indexOf(start) + 1 + Math.floor(next() * 6))] ?? start) });
    } else {
      const w = Math.floor(next() * starts.length);
      const start = starts[w];
      spans.push({ start, end: wordEnd(starts[Math.min(starts.length - 1, w + Math.floor(next() * 8))]) });
    }
  }
  return spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || b.end - a.end);
}
