// Takes the README's screenshots: the built renderer in Chromium with the real handlers (browser
// mode), the bundled sample article, spans of all three types (docs/screenshot.png), a quote's
// details with its attribution and a note (docs/details.png), the same in dark mode (docs/dark.png), the labels
// dialog with two labels of the analyst's own (docs/labels.png); then the
// library view over the library fixtures, one of them annotated (docs/library.png), and an Arabic
// article with highlights (docs/arabic.png).
// `npm run screenshots`.
import { chromium } from '@playwright/test';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromiumFlags, findChromium } from '../app/cli/chromium.js';
import { startBrowserServer } from '../app/main/browser/server.js';
import { dragSelect, tagWith } from '../test/e2e/helpers.js';

const root = resolve(import.meta.dirname, '..');
const executable = findChromium();
if (!executable) throw new Error('screenshots need Chromium: apt-get install chromium, or set CHROMIUM_PATH');
// A folder of the library fixtures, as an analyst's folder of saved articles.
const libraryDir = join(mkdtempSync(join(tmpdir(), 'attest-shots-')), 'Articles');
mkdirSync(libraryDir);
for (const name of readdirSync(join(root, 'test', 'fixtures', 'library'))) copyFileSync(join(root, 'test', 'fixtures', 'library', name), join(libraryDir, name));
const server = await startBrowserServer({
  dataDir: mkdtempSync(join(tmpdir(), 'attest-shots-')),
  rendererDir: join(root, 'out', 'renderer'),
  dialogs: { chooseArticle: async () => join(root, 'test', 'fixtures', 'arabic-report.html'), chooseExportPath: async () => null, chooseFolder: async () => libraryDir },
  initialPath: join(root, 'resources', 'sample-article.txt'),
  generator: { name: 'Attest', version: 'screenshots' },
});
const browser = await chromium.launch({ executablePath: executable, args: chromiumFlags() });
const page = await browser.newPage({ viewport: { width: 1200, height: 720 }, colorScheme: 'light' });
// tsx (esbuild, keepNames) wraps the helpers' in-page functions in `__name`, which pages lack.
await page.addInitScript({ content: 'window.__name = (f) => f;' });
await page.goto(server.url);
await page.locator('.ProseMirror').waitFor();
/** Tags each [from, to, type] span by dragging over it in the reader. */
async function tagSpans(spans: [string, string, 'Claim' | 'Quote' | 'Source'][]): Promise<void> {
  for (const [from, to, type] of spans) {
    await dragSelect(page, from, to);
    await tagWith(page, type);
  }
}
await tagSpans([
  ['The barrier will cost', 'by 2029', 'Claim'],
  ['48 million', 'euros', 'Quote'],
  ['We have flooded', 'no longer an option', 'Quote'],
  ['Mayor Ines Varga', 'Varga', 'Source'],
  ['Councillor Tomas Reed', 'Reed', 'Source'],
  ['spends the whole reserve', 'drainage.', 'Quote'],
]);
await page.getByRole('region', { name: 'Annotations' }).getByRole('button', { name: /We have flooded/ }).click();
await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
mkdirSync(join(root, 'docs'), { recursive: true });
await page.screenshot({ path: join(root, 'docs', 'screenshot.png') });

// The details region: the selected quote attributed to its speaker, with a note; then dark mode.
const details = page.getByRole('region', { name: 'Annotation', exact: true });
await details.getByLabel('Attributed to').selectOption({ label: 'Mayor Ines Varga' });
await details.getByRole('textbox', { name: 'Note' }).fill('Said at the council meeting; check the flood years she lists against the insurer\'s records.');
await details.getByRole('textbox', { name: 'Note' }).blur();
await page.locator('.annotation-item .attribution').waitFor();
await page.screenshot({ path: join(root, 'docs', 'details.png') });
await page.emulateMedia({ colorScheme: 'dark' });
await page.screenshot({ path: join(root, 'docs', 'dark.png') });
await page.emulateMedia({ colorScheme: 'light' });

// Labels of the analyst's own: two added, one used, the dialog open (docs/labels.png).
const labels = page.getByRole('dialog', { name: 'Labels' });
await page.getByRole('toolbar').getByRole('button', { name: 'Labels…' }).click();
for (const [name, colour, key] of [['Disputed', '#7b1fa2', 'd'], ['Figure', '#00838f', '1']]) {
  await labels.getByRole('textbox', { name: 'New label name' }).fill(name);
  await labels.getByLabel('New label colour').fill(colour);
  await labels.getByRole('textbox', { name: 'New label key' }).fill(key);
  await labels.getByRole('button', { name: 'Add label' }).click();
  await labels.getByRole('textbox', { name: `${name} name` }).waitFor();
}
await labels.getByRole('button', { name: 'Close' }).click();
await dragSelect(page, 'The barrier will cost', 'by 2029');
await page.keyboard.press('d');
await page.getByRole('toolbar').getByRole('button', { name: 'Labels…' }).click();
await page.screenshot({ path: join(root, 'docs', 'labels.png') });
await labels.getByRole('button', { name: 'Close' }).click();

const library = page.getByRole('region', { name: 'Library' });
await page.getByRole('toolbar').getByRole('button', { name: 'Library' }).click();
await library.getByRole('button', { name: 'Add folder…' }).click();
await library.getByRole('button', { name: 'Council votes to extend free school meals' }).click();
await page.locator('.reader[data-source-path$="school-meals.html"]').waitFor();
await tagSpans([
  ['The district council voted', 'nine to four', 'Claim'],
  ['at a cost the finance office', 'a year', 'Claim'],
  ['No child learns', 'stomach', 'Quote'],
  ['councillor Abel Njoroge', 'Njoroge', 'Source'],
]);
await page.getByRole('toolbar').getByRole('button', { name: 'Library' }).click();
await library.locator('tr[data-path$="school-meals.html"] td.num').first().filter({ hasText: '2' }).waitFor();
await page.screenshot({ path: join(root, 'docs', 'library.png') });

// A right-to-left article with highlights.
await page.keyboard.press('Control+o');
await page.locator('.reader[data-source-path$="arabic-report.html"]').waitFor();
await tagSpans([
  ['خطة لخفض سعر', 'المقبل', 'Claim'],
  ['لن يدفع المواطن', 'العالمية', 'Quote'],
  ['وزير التموين', 'الحداد', 'Source'],
  ['نقابة الخبازين', 'الخبازين', 'Source'],
  ['الدعم المقترح', 'الطاقة', 'Claim'],
]);
await page.locator('.reader-pane').evaluate((el) => el.scrollTo(0, 0));
await page.screenshot({ path: join(root, 'docs', 'arabic.png') });
await browser.close();
await server.close();
process.stdout.write('wrote docs/screenshot.png, docs/details.png, docs/dark.png, docs/labels.png, docs/library.png and docs/arabic.png\n');
