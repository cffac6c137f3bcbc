import { expect, test, type AttestApp } from './fixtures.js';
import { panelRows, tagQuoteAndSource } from './helpers.js';

const details = (app: AttestApp) => app.page.getByRole('region', { name: 'Annotation', exact: true });
const row = (app: AttestApp, exact: string) =>
  app.page.getByRole('region', { name: 'Annotations' }).locator('.annotation-item').filter({ has: app.page.locator('.exact').getByText(exact, { exact: true }) });

/** attribution.txt with the quote attributed to the mayor (a source); the quote selected. */
async function attributedQuote(app: AttestApp): Promise<void> {
  await tagQuoteAndSource(app);
  await row(app, 'We will win,').click();
  await details(app).getByLabel('Attributed to').selectOption({ label: 'Mayor Jane Roe' });
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');
}

test('retyping an attributed quote to Source says its attribution was removed; Ctrl+Z brings it back', async ({ app }) => {
  await attributedQuote(app);
  const { page } = app;
  await details(app).getByLabel('Type').selectOption({ label: 'Source' });
  await expect(page.locator('.message-info')).toContainText('Its attribution to “Mayor Jane Roe” was removed: only quotes and claims are attributed. Ctrl+Z brings it back.');
  await expect.poll(() => panelRows(page)).toEqual([['Source', 'We will win,'], ['Source', 'Mayor Jane Roe']]);
  await expect(page.locator('.annotation-item .attribution')).toHaveCount(0);
  await page.getByRole('region', { name: 'Annotations' }).locator('h2').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => panelRows(page)).toEqual([['Quote', 'We will win,'], ['Source', 'Mayor Jane Roe']]);
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');
});

test('retyping an attributed quote to Claim keeps its attribution and says nothing of it', async ({ app }) => {
  await attributedQuote(app);
  await details(app).getByLabel('Type').selectOption({ label: 'Claim' });
  await expect.poll(() => panelRows(app.page)).toEqual([['Claim', 'We will win,'], ['Source', 'Mayor Jane Roe']]);
  await expect(row(app, 'We will win,').locator('.attribution')).toHaveText('→ Mayor Jane Roe');
  await expect(app.page.getByText(/attribution to/)).toHaveCount(0);
});
