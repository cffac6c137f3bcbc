import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

test('A+ and A− change the reader text size, remembered after a reload', async ({ app }) => {
  await app.openArticle(fixture('officials.txt'));
  const { page } = app;
  const size = () => page.locator('.reader').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const base = await size();
  const sizes = page.getByRole('group', { name: 'Text size' });
  await sizes.getByRole('button', { name: 'Larger text' }).click();
  await sizes.getByRole('button', { name: 'Larger text' }).click();
  expect(await size()).toBeCloseTo(base * 1.3, 1);
  await page.reload();
  await app.openArticle(fixture('officials.txt'));
  expect(await size()).toBeCloseTo(base * 1.3, 1);
  for (let i = 0; i < 10; i++) {
    const smaller = page.getByRole('group', { name: 'Text size' }).getByRole('button', { name: 'Smaller text' });
    if (await smaller.isDisabled()) break;
    await smaller.click();
  }
  expect(await size()).toBeCloseTo(base * 0.8, 1);
});
