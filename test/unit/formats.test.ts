import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { ARTICLE_FORMATS, type Article } from '../../app/core/article.js';
import { ArticleSchema } from '../../app/core/schemas.js';
import { FORMAT_BY_EXTENSION, importFile } from '../../app/main/importers/index.js';
import { makeDocx } from '../support/make-docx.js';
import { tempRoot } from '../support/temp.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);
const temp = tempRoot('formats');
const tempFile = temp.write;

/** Each block as [type, its text, its quote depth or list kind]: the structure the reader shows. */
function structure(article: Article): [string, string, string?][] {
  return article.blocks.map((b) => {
    const extra = b.quote ? `quote ${b.quote}` : b.type === 'list_item' ? (b.ordered ? 'ol' : 'ul') : b.level ? `h${b.level}` : undefined;
    const row: [string, string, string?] = [b.type, article.text.slice(b.start, b.end)];
    if (extra) row.push(extra);
    return row;
  });
}
function markText(article: Article, type: string): [string, string | undefined][] {
  return article.marks.filter((m) => m.type === type).map((m) => [article.text.slice(m.start, m.end), m.href]);
}

suite('every format goes through the one registry', () => {
  it('lists each ArticleFormat, and the export schema names the same formats', () => {
    expect(new Set(Object.values(FORMAT_BY_EXTENSION))).toEqual(new Set(ARTICLE_FORMATS));
    const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../app/core/formats/annotated-article.schema.json'), 'utf8'));
    expect(schema.properties.article.properties.source.properties.format.enum).toEqual([...ARTICLE_FORMATS]);
  });

  it('reads back articles stored before url and encoding existed, as null', () => {
    const old = { id: 'a'.repeat(64), title: 't', byline: null, siteName: null, publishedTime: null, lang: null, dir: null, text: 'x', blocks: [], marks: [], source: { path: '/x.txt', sha256: 'b'.repeat(64), format: 'txt' } };
    expect(ArticleSchema.parse(old)).toMatchObject({ url: null, encoding: null });
  });
});

suite('Markdown', () => {
  it('keeps headings, paragraphs, block quotes, lists and links; raw HTML stays text', async () => {
    const article = await importFile(fixture('structure.md'));
    expect(article.title).toBe('Markdown structure');
    expect(article.source.format).toBe('markdown');
    expect(structure(article)).toEqual([
      ['heading', 'Markdown structure', 'h1'],
      ['paragraph', 'The ministry published the report on Monday.'],
      ['heading', 'Background', 'h2'],
      ['paragraph', 'We will not comment.', 'quote 1'],
      ['list_item', 'First point', 'ul'],
      ['list_item', 'Second point', 'ul'],
      ['list_item', 'Step one', 'ol'],
      ['paragraph', '<script>alert("raw HTML stays text")</script>'],
    ]);
    expect(markText(article, 'link')).toEqual([['the report', 'https://example.invalid/report']]);
    expect(markText(article, 'strong')).toEqual([['Monday', undefined]]);
    expect(article.encoding).toMatchObject({ name: 'UTF-8', source: 'utf-8' });
  });

  it('takes the file name as title when there is no heading', async () => {
    const article = await importFile(tempFile('no-heading.markdown', 'Just *one* line.\n'));
    expect(article.title).toBe('no-heading');
    expect(article.text).toBe('Just one line.');
  });
});

suite('XHTML', () => {
  it('reads as HTML through Readability, with xml:lang and the canonical URL', async () => {
    const article = await importFile(fixture('structure.xhtml'));
    expect(article.title).toBe('XHTML structure');
    expect(article.lang).toBe('en');
    expect(article.url).toBe('https://news.example.invalid/2026/xhtml-structure');
    expect(article.byline).toBe('Jane Doe');
    const rows = structure(article);
    expect(rows).toContainEqual(['heading', 'Background', 'h2']);
    expect(rows).toContainEqual(['paragraph', 'We will not comment.', 'quote 1']);
    expect(rows.filter((r) => r[0] === 'list_item').map((r) => r[1])).toEqual(['First point', 'Second point']);
    expect(markText(article, 'link')).toEqual([['the report', 'https://example.invalid/report']]);
  });
});

suite('MHTML', () => {
  it('finds the quoted-printable HTML part of a page saved as Chromium saves it', async () => {
    const article = await importFile(fixture('saved-page.mhtml'));
    expect(article.source.format).toBe('mhtml');
    expect(article.title).toBe('Page enregistrée');
    expect(article.lang).toBe('fr');
    expect(article.siteName).toBe('Le Journal');
    expect(article.url).toBe('https://news.example.invalid/2026/saved-page');
    expect(article.text).toContain('Le café est ouvert, dit le patron, et il le restera tout l’hiver selon lui.');
    expect(structure(article)).toContainEqual(['paragraph', 'Nous ne fermons jamais.', 'quote 1']);
    expect(structure(article).filter((r) => r[0] === 'list_item').map((r) => r[1])).toEqual(['Première raison', 'Seconde raison']);
    expect(markText(article, 'link')).toEqual([['le patron', 'https://example.invalid/patron']]);
    expect(article.encoding).toMatchObject({ name: 'UTF-8', declared: 'UTF-8' });
  });

  it('decodes a base64 part in the charset its Content-Type names, and the canonical link wins over the location', async () => {
    const html = Buffer.from('<html><head><title>Caf\u00e9</title><link rel="canonical" href="/story"></head><body><article><p>Le caf\u00e9 \u00ab\u00a0noir\u00a0\u00bb est servi chaque matin au comptoir, dit le patron du caf\u00e9 de la gare.</p></article></body></html>', 'latin1').toString('base64');
    const mhtml = ['MIME-Version: 1.0', 'Snapshot-Content-Location: https://example.invalid/a/b?x=1', 'Content-Type: multipart/related; boundary=XYZ; type="text/html"', '', '--XYZ', 'Content-Type: text/html; charset=ISO-8859-1', 'Content-Transfer-Encoding: base64', '', html.replace(/(.{76})/g, '$1\r\n'), '--XYZ--', ''].join('\r\n');
    const article = await importFile(tempFile('latin1.mht', mhtml));
    expect(article.text).toBe('Le café «\u00a0noir\u00a0» est servi chaque matin au comptoir, dit le patron du café de la gare.');
    expect(article.url).toBe('https://example.invalid/story');
    expect(article.encoding).toMatchObject({ name: 'windows-1252', source: 'declared' });
  });

  it('a file with no HTML part is refused by name', async () => {
    const mhtml = 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=B\r\n\r\n--B\r\nContent-Type: image/png\r\n\r\nxx\r\n--B--\r\n';
    await expect(importFile(tempFile('images.mhtml', mhtml))).rejects.toThrow(/^images.mhtml: the MHTML file holds no text\/html part$/);
  });
});

suite('Word .docx', () => {
  it('keeps headings, paragraphs, quotes, lists, bold and links; the title is the first heading', async () => {
    const bytes = await makeDocx([
      { style: 'Heading1', runs: [{ text: 'Word structure' }] },
      { runs: [{ text: 'The ministry published ' }, { text: 'the report', href: 'https://example.invalid/report' }, { text: ' on ' }, { text: 'Monday', bold: true }, { text: '.' }] },
      { style: 'Heading2', runs: [{ text: 'Background' }] },
      { style: 'Quote', runs: [{ text: 'We will not comment.' }] },
      { list: true, runs: [{ text: 'First point' }] },
      { list: true, runs: [{ text: 'Second point' }] },
    ]);
    const article = await importFile(tempFile('memo.docx', bytes));
    expect(article.title).toBe('Word structure');
    expect(article.encoding).toBeNull();
    expect(structure(article)).toEqual([
      ['heading', 'Word structure', 'h1'],
      ['paragraph', 'The ministry published the report on Monday.'],
      ['heading', 'Background', 'h2'],
      ['paragraph', 'We will not comment.', 'quote 1'],
      ['list_item', 'First point', 'ul'],
      ['list_item', 'Second point', 'ul'],
    ]);
    expect(markText(article, 'link')).toEqual([['the report', 'https://example.invalid/report']]);
    expect(markText(article, 'strong')).toEqual([['Monday', undefined]]);
  });

  it('takes the file name as title without a heading, and refuses a file that is not a .docx', async () => {
    const article = await importFile(tempFile('plain-memo.docx', await makeDocx([{ runs: [{ text: 'Only a line.' }] }])));
    expect(article.title).toBe('plain-memo');
    await expect(importFile(tempFile('fake.docx', 'not a zip at all'))).rejects.toThrow(/^fake.docx: not a readable Word document/);
  });

  it('words a footnote reference without a footnotes part as a damaged document, not as a JavaScript error', async () => {
    const zip = await JSZip.loadAsync(await makeDocx([{ runs: [{ text: 'A claim.' }] }]));
    const document = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', document.replace('</w:p>', '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expect(importFile(tempFile('no-footnotes.docx', bytes))).rejects.toThrow('no-footnotes.docx: not a readable Word document (a part is damaged, or refers to one that is missing)');
  });
});

suite('web page address', () => {
  it('og:url, then the "saved from" comment browsers write', async () => {
    const long = '<article><p>A paragraph long enough for the extractor to take it as the article text of this page here.</p></article>';
    const og = await importFile(tempFile('og.html', `<html><head><meta property="og:url" content="https://example.invalid/og"></head><body>${long}</body></html>`));
    expect(og.url).toBe('https://example.invalid/og');
    const saved = await importFile(tempFile('saved.html', `<!DOCTYPE html>\n<!-- saved from url=(0033)https://example.invalid/saved/1 -->\n<html><body>${long}</body></html>`));
    expect(saved.url).toBe('https://example.invalid/saved/1');
    const none = await importFile(tempFile('none.html', `<html><head><link rel="canonical" href="javascript:alert(1)"></head><body>${long}</body></html>`));
    expect(none.url).toBeNull();
  });
});
