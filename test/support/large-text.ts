/** The last paragraph of `largeText`, to look for at the end of the reader. */
export const LAST_PARAGRAPH = 'THE LAST PARAGRAPH of the large file.';

/**
 * Plain text of at least `minLength` UTF-16 code units (all ASCII, so as many bytes): numbered
 * paragraphs of about 450 characters joined by blank lines, ending with `LAST_PARAGRAPH`.
 */
export function largeText(minLength: number): string {
  const words = 'The committee reviewed the budget figures again and found that the deficit had grown faster than forecast. ';
  const paragraphs: string[] = [];
  for (let i = 0, size = 0; size < minLength; i++) {
    const p = `Paragraph ${i}. ${words.repeat(4)}`.trim();
    paragraphs.push(p);
    size += p.length + 2;
  }
  paragraphs.push(LAST_PARAGRAPH);
  return paragraphs.join('\n\n');
}
