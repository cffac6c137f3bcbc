import { join } from 'node:path';
import { expect, test } from './fixtures.js';
import { ROOT } from './runtime.js';

const fixture = (name: string) => join(ROOT, 'test', 'fixtures', name);

test('the Labels dialog refuses names that imitate another label: a zero-width space, a right-to-left override, a ligature', async ({ app }) => {
  await app.openArticle(fixture('alpha-beta.txt'));
  await app.page.getByRole('toolbar').getByRole('button', { name: 'Labels…' }).click();
  const dialog = app.page.getByRole('dialog', { name: 'Labels' });
  const add = async (name: string) => {
    await dialog.getByRole('textbox', { name: 'New label name' }).fill(name);
    await dialog.getByRole('button', { name: 'Add label' }).click();
  };
  await add('Claim\u200b');
  await expect(dialog.getByRole('alert')).toHaveText('a label name cannot hold control or invisible formatting characters (it holds U+200B at character 6): they can make it look like another name');
  await add('\u202eetouq');
  await expect(dialog.getByRole('alert')).toHaveText(/it holds U\+202E at character 1/);
  await add('figure');
  await expect(dialog.getByRole('list', { name: 'Your labels' }).getByRole('textbox', { name: 'figure name' })).toHaveValue('figure');
  await add('ﬁgure');
  await expect(dialog.getByRole('alert')).toHaveText('there is already a label named figure, which ﬁgure looks the same as');
  // Only the one good name was added: the toolbar offers no look-alike of Claim, Quote or figure.
  await expect(dialog.getByRole('list', { name: 'Your labels' }).getByRole('listitem')).toHaveCount(1);
});
