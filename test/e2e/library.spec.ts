import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { exportProblems } from '../support/check-export.js';
import { expect, test, type AttestApp } from './fixtures.js';
import { dragSelect, expectCount, tagWith } from './helpers.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', 'library', name);

const TITLES = {
  harbour: 'Harbour dredging to start in spring, port authority says',
  meals: 'Council votes to extend free school meals',
  fares: 'Rail fares to rise by four percent in January',
  bridge: 'Bridge inspection finds worn bearings',
};

const libraryRegion = (page: Page) => page.getByRole('region', { name: 'Library' });
const titles = (page: Page) => libraryRegion(page).getByRole('table', { name: 'Articles' }).locator('tbody th');
const row = (page: Page, file: string) => libraryRegion(page).locator(`tr[data-path$="/${file}"]`);

async function showLibrary(page: Page): Promise<void> {
  await page.getByRole('toolbar').getByRole('button', { name: 'Library' }).click();
  await expect(libraryRegion(page)).toBeVisible();
}

/** A temporary folder holding three of the library fixtures, added through Add folder… with the library shown. */
async function addThreeArticles(app: AttestApp): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'attest-e2e-library-'));
  for (const name of ['harbour-dredging.html', 'school-meals.html', 'rail-fares.html']) copyFileSync(fixture(name), join(dir, name));
  await showLibrary(app.page);
  await app.answerDialogs({ folder: dir });
  await libraryRegion(app.page).getByRole('button', { name: 'Add folder…' }).click();
  return dir;
}

test('a library folder: listed with counts, watched live, searched, sorted, opened, annotated, remembered', async ({ app }) => {
  const dir = await addThreeArticles(app);
  const { page } = app;
  await expect(libraryRegion(page).getByRole('region', { name: 'Folders' }).getByRole('listitem')).toHaveAttribute('title', dir);
  // Sorted by date, newest first.
  await expect(titles(page)).toHaveText([TITLES.meals, TITLES.harbour, TITLES.fares]);
  await expect(row(page, 'school-meals.html').locator('td')).toHaveText(['Valley Courier', /2026/, '0', '0', '0']);

  // Files written to and removed from the folder show up without a restart.
  copyFileSync(fixture('bridge-inspection.txt'), join(dir, 'bridge-inspection.txt'));
  await expect(titles(page)).toHaveText([TITLES.meals, TITLES.harbour, TITLES.fares, TITLES.bridge]);
  rmSync(join(dir, 'rail-fares.html'));
  await expect(titles(page)).toHaveText([TITLES.meals, TITLES.harbour, TITLES.bridge]);
  writeFileSync(join(dir, 'broken.html'), '');
  await expect(row(page, 'broken.html').locator('th')).toHaveText('broken.htmlthe file is empty');
  await expect(row(page, 'broken.html').locator('td.num')).toHaveText(['', '', '']);
  rmSync(join(dir, 'broken.html'));
  await expect(row(page, 'broken.html')).toHaveCount(0);

  // Search by title, sort by title.
  await libraryRegion(page).getByRole('searchbox', { name: 'Search titles' }).fill('COUNCIL');
  await expect(titles(page)).toHaveText([TITLES.meals]);
  await libraryRegion(page).getByRole('searchbox', { name: 'Search titles' }).fill('');
  await libraryRegion(page).getByRole('combobox', { name: 'Sort by' }).selectOption('title');
  await expect(titles(page)).toHaveText([TITLES.bridge, TITLES.meals, TITLES.harbour]);

  // Open one from the list, tag a claim, and see the count in the library.
  await libraryRegion(page).getByRole('button', { name: TITLES.meals }).click();
  await expect(page.locator(`.reader[data-source-path="${join(dir, 'school-meals.html')}"]`)).toBeVisible();
  await expect(libraryRegion(page)).toHaveCount(0);
  await dragSelect(page, 'The district council voted', 'nine to four');
  await tagWith(page, 'Claim');
  await expectCount(page, 1);
  await showLibrary(page);
  // The new claim is still selected in the hidden reader: Delete here must not remove it (checked after the restart).
  await page.keyboard.press('Delete');
  await expect(row(page, 'school-meals.html').locator('td.num')).toHaveText(['1', '0', '0']);
  await expect(libraryRegion(page).getByRole('region', { name: 'Recent' }).getByRole('button')).toHaveText([TITLES.meals]);
  await libraryRegion(page).getByRole('button', { name: 'Back to reader' }).click();
  await expect(page.locator('.reader')).toBeVisible();

  // The folder, its counts and the recent file are remembered across a restart.
  await app.restart();
  await showLibrary(app.page);
  await expect(libraryRegion(app.page).getByRole('region', { name: 'Folders' }).getByRole('listitem')).toHaveAttribute('title', dir);
  await expect(titles(app.page)).toHaveText([TITLES.meals, TITLES.harbour, TITLES.bridge]);
  await expect(row(app.page, 'school-meals.html').locator('td.num')).toHaveText(['1', '0', '0']);
  await libraryRegion(app.page).getByRole('region', { name: 'Recent' }).getByRole('button', { name: TITLES.meals }).click();
  await expectCount(app.page, 1);

  // Removing the folder forgets it; its files stay on disk.
  await showLibrary(app.page);
  await libraryRegion(app.page).getByRole('button', { name: `Remove folder ${dir}` }).click();
  await expect(titles(app.page)).toHaveCount(0);
  await expect(libraryRegion(app.page).getByText('Add a folder of articles to see them here.')).toBeVisible();
  rmSync(dir, { recursive: true, force: true });
});

test('selected library articles export together, in the format chosen', async ({ app }) => {
  const dir = await addThreeArticles(app);
  const { page } = app;
  await expect(titles(page)).toHaveCount(3);
  const exportGroup = libraryRegion(page).getByRole('group', { name: 'Export selected articles' });
  await expect(exportGroup.getByRole('button', { name: /Export selected/ })).toBeDisabled();
  await libraryRegion(page).getByRole('checkbox', { name: `Select ${TITLES.meals}` }).check();
  await libraryRegion(page).getByRole('checkbox', { name: `Select ${TITLES.fares}` }).check();
  const out = join(app.dataDir, 'selection.json');
  await app.answerDialogs({ save: out });
  await exportGroup.getByRole('button', { name: 'Export selected (2)…' }).click();
  await expect(exportGroup.getByRole('status')).toHaveText(`Exported 2 articles to ${out}`);
  const json = JSON.parse(readFileSync(out, 'utf8'));
  expect(exportProblems(json)).toEqual([]);
  expect(json.articles.map((a: { article: { title: string } }) => a.article.title).sort()).toEqual([TITLES.meals, TITLES.fares].sort());
  rmSync(dir, { recursive: true, force: true });
});
