import type { Page } from '@playwright/test';

/**
 * Selects, through the DOM, the first five characters (fewer when its first text node is shorter)
 * of the reader's paragraph `n` (counted modulo the paragraphs, wherever the view is), as the
 * benchmark and the e2e specs tag far spans; the editor keeps the focus it has. Returns the text
 * selected.
 */
export function selectParagraphStart(page: Page, n: number): Promise<string> {
  return page.evaluate((n) => {
    const paragraphs = document.querySelectorAll('.ProseMirror p');
    const text = document.createTreeWalker(paragraphs[n % paragraphs.length], NodeFilter.SHOW_TEXT).nextNode() as Text;
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(text, Math.min(5, text.length));
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    return text.data.slice(0, range.endOffset);
  }, n);
}

/** Scrolls the reader's paragraph `n` (counted modulo the paragraphs) to the middle of the view. */
export async function scrollParagraphIntoView(page: Page, n: number): Promise<void> {
  await page.evaluate((n) => {
    const paragraphs = document.querySelectorAll('.ProseMirror p');
    paragraphs[n % paragraphs.length].scrollIntoView({ block: 'center' });
  }, n);
}
