import { truncateSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { importFile, MAX_FILE_BYTES, sha256 } from '../../app/main/importers/index.js';
import { LAST_PARAGRAPH, largeText } from '../support/large-text.js';
import { tempRoot } from '../support/temp.js';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures', name);
const temp = tempRoot('import');
const tempFile = temp.write;

/** Every block's range lies in the text, in order, separated by exactly two LFs. */
function expectCanonical(text: string, blocks: { start: number; end: number }[]) {
  blocks.forEach((b, i) => {
    expect(b.end).toBeGreaterThan(b.start);
    if (i > 0) expect(text.slice(blocks[i - 1].end, b.start)).toBe('\n\n');
  });
  expect(blocks[0].start).toBe(0);
  expect(blocks.at(-1)!.end).toBe(text.length);
}

suite('plain text', () => {
  it('normalises CRLF to LF and keeps single line breaks inside a block', async () => {
    const article = await importFile(fixture('crlf.txt'));
    expect(article.text).toBe('Budget report\n\nThe deficit grew by 4%.\nOfficials blamed\nthe weather.\n\nNothing else changed.');
    expect(article.text).not.toContain('\r');
    expect(article.title).toBe('Budget report');
    expect(article.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph']);
    expectCanonical(article.text, article.blocks);
    expect(article.id).toBe(sha256(article.text));
  });

  it('keeps double spaces and NBSP as written', async () => {
    const article = await importFile(fixture('nbsp.txt'));
    expect(article.text).toBe('Rates  rose 2\u00A0%  in May.');
  });

  it('joins paragraphs with two LFs', async () => {
    const article = await importFile(fixture('three-paragraphs.txt'));
    expect(article.text).toBe('First one\n\nSecond one\n\nThird one');
    expect(article.blocks).toHaveLength(3);
  });

  it('reads UTF-16 LE with its BOM, and the BOM is no character', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Hi CLAIM', 'utf16le')]);
    const article = await importFile(tempFile('utf16.txt', bytes));
    expect(article.text).toBe('Hi CLAIM');
    expect(article.text.slice(3, 8)).toBe('CLAIM');
    expect(article.encoding).toEqual({ name: 'UTF-16LE', source: 'bom', declared: null, confidence: null, replaced: 0 });
  });

  it('drops a UTF-8 BOM', async () => {
    const article = await importFile(tempFile('bom.txt', new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Hello')])));
    expect(article.text).toBe('Hello');
  });

  it('drops a BOM written twice (found by the importer fuzz test, seed 332985)', async () => {
    const article = await importFile(tempFile('two-boms.md', new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...Buffer.from('# Hello')])));
    expect(article.text).toBe('Hello');
  });
});

suite('web pages', () => {
  it('collapses white space as rendered and keeps link and bold as marks over the same text', async () => {
    const article = await importFile(fixture('link-bold.html'));
    const start = article.text.indexOf('See full text here.');
    expect(start).toBeGreaterThanOrEqual(0);
    const link = article.marks.find((m) => m.type === 'link')!;
    expect(article.text.slice(link.start, link.end)).toBe('full text');
    expect(link.href).toBe('x.html');
    const bold = article.marks.find((m) => m.type === 'strong')!;
    expect(article.text.slice(bold.start, bold.end)).toBe('text');
    expect(article.title).toBe('Link and bold');
    expect(article.lang).toBe('en');
    expectCanonical(article.text, article.blocks);
  });

  it('reads a page whose declared charset is legacy but whose bytes are UTF-8', async () => {
    const html = '<html><head><meta charset="windows-1252"><title>Café</title></head><body><article><p>Le café est ouvert. Une phrase assez longue pour faire un article lisible par Readability, avec des mots.</p></article></body></html>';
    const article = await importFile(tempFile('stale-charset.html', html));
    expect(article.text).toContain('café');
  });

  it('decodes by the declared charset when the bytes are not UTF-8', async () => {
    const html = Buffer.from('<html><head><meta charset="windows-1252"><title>t</title></head><body><article><p>Caf\u00e9 au lait, \u201cquoted\u201d, and enough further words to be an article for the extractor here.</p></article></body></html>', 'latin1');
    html[html.indexOf(0x1c)] = 0x93; // the curly quotes' windows-1252 bytes
    html[html.indexOf(0x1d)] = 0x94;
    const article = await importFile(tempFile('cp1252.html', html));
    expect(article.text).toContain('Café au lait, “quoted”');
  });
});

suite('Markdown', () => {
  it('YAML front matter fills the metadata and is not part of the text', async () => {
    const article = await importFile(fixture('front-matter.md'));
    expect(article).toMatchObject({
      title: "Harbour fees: the council's vote",
      byline: 'Ana Ruiz, Tom Ellis',
      publishedTime: '2025-03-14',
      lang: 'en-GB',
      url: 'https://news.example/harbour-fees',
      siteName: null,
    });
    expect(article.text).toBe('Council votes on harbour fees\n\nThe council voted to raise the fees by 4 %.');
    expect(article.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph']);
    expectCanonical(article.text, article.blocks);
    const exact = (m: { start: number; end: number }) => article.text.slice(m.start, m.end);
    expect(article.marks.map((m) => [m.type, exact(m)])).toEqual([['link', 'to raise'], ['strong', '4 %']]);
  });

  it.each([
    ['author, language and url', '---\nauthor: Someone\nlanguage: fr\nurl: https://example.org/a\n---\nLe texte.\n', { title: 'page', byline: 'Someone', lang: 'fr', url: 'https://example.org/a', text: 'Le texte.' }],
    ['a url that is not http(s) is left out', '---\ntitle: T\nurl: javascript:alert(1)\n---\nText.\n', { title: 'T', url: null, text: 'Text.' }],
    ['not YAML: left out, nothing read from it', '---\ntitle: [unclosed\nauthor: x: y\n---\nBody text.\n', { title: 'page', byline: null, text: 'Body text.' }],
    ['empty', '---\n---\nBody text.\n', { title: 'page', text: 'Body text.' }],
    ['CRLF lines', '---\r\ntitle: Windows\r\n---\r\n# Heading\r\n\r\nBody.\r\n', { title: 'Windows', text: 'Heading\n\nBody.' }],
    // Not front matter: the text stays.
    ['a rule with no closing fence', '---\n\nJust text after a rule.\n', { title: 'page', text: 'Just text after a rule.' }],
    ['YAML that is no mapping (a rule, then a setext heading)', '---\nSome words\n---\nMore.\n', { title: 'Some words', text: 'Some words\n\nMore.' }],
    ['a rule later in the file', 'Intro.\n\n---\ntitle: x\n---\n', { title: 'title: x', text: 'Intro.\n\ntitle: x' }],
  ])('front matter: %s', async (_case, markdown, expected) => {
    const article = await importFile(tempFile('page.md', markdown));
    expect(article).toMatchObject(expected);
    expectCanonical(article.text, article.blocks);
  });
});

suite('errors name the file and the cause', () => {
  it.each([
    ['empty.txt', new Uint8Array(), /empty.txt: the file is empty/],
    ['image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), /image.txt: .*(binary|not UTF-8)/],
    ['notes.pdf', new Uint8Array([0x25, 0x50]), /notes.pdf: Attest does not read .pdf files/],
  ])('%s', async (name, bytes, message) => {
    await expect(importFile(tempFile(name, bytes))).rejects.toThrow(message);
  });

  it('a missing file', async () => {
    await expect(importFile(join(temp.root, 'missing.txt'))).rejects.toThrow(/missing.txt: no such file/);
  });
});

suite('size limit', () => {
  it('a 10 MB plain-text file opens whole', async () => {
    const text = largeText(10_000_000);
    const article = await importFile(tempFile('ten-megabytes.txt', text));
    expect(article.text).toBe(text);
    expect(article.text.length).toBeGreaterThanOrEqual(10_000_000);
    const last = article.blocks.at(-1)!;
    expect(article.text.slice(last.start, last.end)).toBe(LAST_PARAGRAPH);
    expect(article.encoding).toMatchObject({ name: 'UTF-8', source: 'utf-8' });
  });

  it('a file one byte above MAX_FILE_BYTES is refused before it is read', async () => {
    const path = tempFile('too-large.txt', '');
    truncateSync(path, MAX_FILE_BYTES + 1);
    await expect(importFile(path)).rejects.toThrow(`too-large.txt: ${MAX_FILE_BYTES + 1} bytes is more than the ${MAX_FILE_BYTES}-byte limit`);
  });
});
