import { join } from 'node:path';
import { expect, test, type AttestApp } from './fixtures.js';
import { panelRows } from './helpers.js';
import { ROOT } from './runtime.js';

// The details and the panel follow a tag one frame after the reader (App.tsx). Keys pressed before
// that frame must act on the new annotation all the same: here each key is its own keydown, with
// only microtasks between them, so no frame can run.
const PRESS_QUICKLY = `async ({ select, keys, choose }) => {
  const walker = document.createTreeWalker(document.querySelector('.ProseMirror'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.data.indexOf(select);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + select.length);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    break;
  }
  const microtasks = async () => { for (let i = 0; i < 20; i++) await Promise.resolve(); };
  for (const key of keys) {
    await microtasks();
    const code = key.length === 1 ? 'Key' + key.toUpperCase() : key;
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true, cancelable: true }));
  }
  await microtasks();
  if (choose) {
    document.activeElement.value = choose;
    document.activeElement.dispatchEvent(new Event('change', { bubbles: true }));
  }
}`;

const fixture = join(ROOT, 'test', 'fixtures', 'attribution.txt');
const details = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotation', exact: true });
const pressQuickly = (app: AttestApp, run: { select: string; keys: string[]; choose?: string }) => app.page.evaluate(`(${PRESS_QUICKLY})(${JSON.stringify(run)})`);

test('Enter pressed right after a tag, before the next frame, moves to the new annotation\'s Type box', async ({ app }) => {
  await app.openArticle(fixture);
  await app.page.locator('.ProseMirror').focus();
  await pressQuickly(app, { select: 'We will win,', keys: ['q', 'Enter'] });
  await expect(details(app).getByLabel('Type')).toBeFocused();
  await expect(details(app).locator('.details-exact')).toHaveText('We will win,');
});

test('a type chosen right after a tag and Enter changes the new annotation, not the one selected before', async ({ app }) => {
  await app.openArticle(fixture);
  await app.page.locator('.ProseMirror').focus();
  await pressQuickly(app, { select: 'Critics disagree', keys: ['c'] });
  await expect(details(app).locator('.details-exact')).toHaveText('Critics disagree');
  await pressQuickly(app, { select: 'We will win,', keys: ['q', 'Enter'], choose: 'source' });
  await expect.poll(() => panelRows(app.page)).toEqual([['Source', 'We will win,'], ['Claim', 'Critics disagree']]);
});
