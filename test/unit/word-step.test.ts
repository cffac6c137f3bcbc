import { describe as suite, expect, it } from 'vitest';
import { sentenceEdge, stepByWord } from '../../app/core/word-step.js';

const text = '"We will win," said Mayor Jane Roe.';
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const exact = (r: { start: number; end: number } | null) => (r ? text.slice(r.start, r.end) : null);

suite('stepByWord', () => {
  it('extends either end by one word, over punctuation and space', () => {
    const { start, end } = span('said');
    expect(exact(stepByWord(text, start, end, { edge: 'start', move: 'extend' }))).toBe('win," said');
    expect(exact(stepByWord(text, start, end, { edge: 'end', move: 'extend' }))).toBe('said Mayor');
  });

  it('shrinks either end by one word, never to nothing', () => {
    const { start, end } = span('Mayor Jane Roe');
    expect(exact(stepByWord(text, start, end, { edge: 'start', move: 'shrink' }))).toBe('Jane Roe');
    expect(exact(stepByWord(text, start, end, { edge: 'end', move: 'shrink' }))).toBe('Mayor Jane');
    const one = span('Roe');
    expect(stepByWord(text, one.start, one.end, { edge: 'start', move: 'shrink' })).toBeNull();
  });

  it('answers null at the ends of the text', () => {
    expect(stepByWord(text, 1, 3, { edge: 'start', move: 'extend' })).toBeNull();
    const { start, end } = span('Roe.');
    expect(stepByWord(text, start, end, { edge: 'end', move: 'extend' })).toBeNull();
  });
});

suite('sentenceEdge', () => {
  const text = 'First one here. Second one, with more.  Third!';
  it('finds the end and the start of the sentence around an offset, then the next ones', () => {
    const inSecond = text.indexOf('one,');
    expect(text.slice(inSecond, sentenceEdge(text, inSecond, true))).toBe('one, with more.');
    expect(text.slice(sentenceEdge(text, inSecond, false), inSecond)).toBe('Second ');
    const endOfSecond = text.indexOf('more.') + 5;
    expect(text.slice(endOfSecond, sentenceEdge(text, endOfSecond, true))).toBe('  Third!');
    expect(sentenceEdge(text, 0, false)).toBe(0);
  });
});
