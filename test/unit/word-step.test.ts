import { describe as suite, expect, it } from 'vitest';
import { stepByWord } from '../../app/core/word-step.js';

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
