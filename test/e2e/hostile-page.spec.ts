import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempRoot } from '../support/temp.js';
import { expect, test } from './fixtures.js';
import { ROOT } from './runtime.js';

const temp = tempRoot('e2e-hostile');

/** A listener on 127.0.0.1 that records every request it receives. */
async function listener(): Promise<{ server: Server; port: number; requests: string[] }> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.end('');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, requests };
}

test('a hostile page reads cleanly, runs nothing, and fetches nothing', async ({ app }) => {
  const { server, port, requests } = await listener();
  try {
    const attempted: string[] = [];
    app.page.on('request', (request) => {
      if (request.url().includes(`127.0.0.1:${port}`)) attempted.push(request.url());
    });
    app.page.on('dialog', (dialog) => attempted.push(`dialog: ${dialog.message()}`));
    const html = readFileSync(join(ROOT, 'test', 'fixtures', 'hostile-page.html'), 'utf8').replaceAll('PORT', String(port));
    await app.openArticle(temp.write('hostile-page.html', html));
    const reader = app.page.locator('.ProseMirror');
    await expect(reader).toContainText('The harbour council approved a dredging budget on Tuesday');
    await expect(reader).toContainText('Members said the channel had silted faster than expected. The works start in spring.');
    const text = (await reader.textContent()) ?? '';
    for (const leaked of ['__attestPwned', 'SCRIPT TEXT', 'fetch(', '@import', 'Send']) expect(text).not.toContain(leaked);
    // The reader has no element that could load or run anything.
    await expect(reader.locator('script, img, iframe, object, embed, svg, form, a[href], [onerror], [style*="url"]')).toHaveCount(0);
    expect(await app.page.evaluate(() => (window as unknown as { __attestPwned?: string }).__attestPwned ?? null)).toBeNull();
    // Give any late load a moment, then: not one request attempted by the page, none received.
    await app.page.waitForTimeout(300);
    expect(attempted).toEqual([]);
    expect(requests).toEqual([]);
  } finally {
    server.close();
  }
});

test("the renderer's own CSP blocks a remote image injected into the page", async ({ app }) => {
  const { server, port, requests } = await listener();
  try {
    const violation = await app.page.evaluate(async (url) => {
      const seen = new Promise<{ blockedURI: string; directive: string }>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve({ blockedURI: e.blockedURI, directive: e.effectiveDirective }), { once: true }),
      );
      const img = document.createElement('img');
      img.src = url;
      document.body.append(img);
      return seen;
    }, `http://127.0.0.1:${port}/csp-probe.png`);
    expect(violation).toEqual({ blockedURI: `http://127.0.0.1:${port}/csp-probe.png`, directive: 'img-src' });
    expect(requests).toEqual([]);
  } finally {
    server.close();
  }
});
