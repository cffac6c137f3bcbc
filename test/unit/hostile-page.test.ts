import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { importFile } from '../../app/main/importers/index.js';
import { isSafeHref, sanitizeTree } from '../../app/main/importers/sanitize.js';
import { parseHTML } from 'linkedom';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('hostile');
const page = readFileSync(join(import.meta.dirname, '../fixtures/hostile-page.html'), 'utf8').replaceAll('PORT', '9');

suite('a hostile page', () => {
  it('imports as clean article text: no script text, no URL but the safe link', async () => {
    const article = await importFile(temp.write('hostile-page.html', page));
    expect(article.title).toBe('Harbour council approves dredging budget');
    expect(article.text).toContain('The harbour council approved a dredging budget on Tuesday');
    expect(article.text).toContain('Members said the channel had silted faster than expected. The works start in spring.');
    expect(article.text).toContain('A spokesperson said the council would publish quarterly updates');
    for (const leaked of ['__attestPwned', 'SCRIPT TEXT', 'fetch(', 'window.', '@import', 'url(', '127.0.0.1', 'Send']) expect(article.text).not.toContain(leaked);
    const hrefs = article.marks.flatMap((m) => (m.type === 'link' ? [m.href] : []));
    // The javascript: link keeps its text but loses its href; the http link keeps its href (shown as inert text in the reader).
    expect(hrefs).toEqual(['http://127.0.0.1:9/minutes']);
    expect(article.text).toContain('Read the full minutes or the published summary online.');
  });

  it('the sanitising walk removes non-text elements, comments and every attribute but a safe href', () => {
    const { document } = parseHTML('<!doctype html><html><body><div id="x" onclick="a()"><!-- c --><p style="x">A<xmp>raw</xmp><noembed>n</noembed><a href=" JaVa\tscript:alert(1)" onmouseover="b()">l</a><a href="/rel" target="_blank">r</a></p><svg><script>s</script></svg></div></body></html>');
    sanitizeTree(document.body);
    expect(document.body.innerHTML).toBe('<div><p>A<a>l</a><a href="/rel">r</a></p></div>');
  });

  it('keeps only http(s), mailto and relative hrefs', () => {
    expect(['https://a.org/x', 'http://a.org', 'mailto:a@b.org', '/x', 'x.html', '#top'].every(isSafeHref)).toBe(true);
    expect(['javascript:alert(1)', ' javascript:1', 'java\nscript:1', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd'].some(isSafeHref)).toBe(false);
  });
});
