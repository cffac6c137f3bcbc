import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { expectCount, tagWord } from './helpers.js';
import { ROOT } from './runtime.js';

test("the error screen's Reload reloads the page (browser mode: the page itself), and the app comes back with what was saved", async ({ app }) => {
  test.skip(app.runtime === 'electron', "main's answer can be replaced only in browser mode, where the page calls main over HTTP; Electron's path is checked in test/unit/window-reload.test.ts");
  const { page } = app;
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  await tagWord(page, 'beta', 'c', 1);
  // Main answers the article to show at start with one the renderer cannot show: the error screen.
  await page.route('**/ipc/session%3Ainitial', (route) => route.fulfill({ json: { ok: true, value: { article: { id: 'x' }, annotations: [], orphans: [] } } }), { times: 1 });
  await page.reload();
  const crash = page.getByRole('alert').filter({ hasText: 'Attest could not show this' });
  await expect(crash).toBeVisible();
  await expect(page.locator('.app')).toHaveCount(0);

  await crash.getByRole('button', { name: 'Reload' }).click();
  await expect(page.locator('.app')).toBeVisible();
  await expect(crash).toHaveCount(0);
  // The app works as before, and the tag made before the error is there.
  await app.openArticle(join(ROOT, 'test', 'fixtures', 'alpha-beta.txt'));
  await expectCount(page, 1);
});
