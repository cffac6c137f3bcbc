import { describe as suite, expect, it } from 'vitest';
import { encodingIsUncertain } from '../../app/core/article.js';
import { importFile } from '../../app/main/importers/index.js';
import { tempRoot } from '../support/temp.js';

const temp = tempRoot('encodings');
const tempFile = temp.write;
/** Bytes from a string whose code points are the bytes (U+0093 is byte 0x93). */
const bytesOf = (s: string) => Buffer.from(s, 'latin1');
const hex = (h: string) => Buffer.from(h.replace(/\s+/g, ''), 'hex');

/** `قال المتحدث: نعم` in windows-1256. */
const ARABIC_1256 = hex('dec7e120 c7e1e3cacdcfcb 3a20 e4dae3');
/** `東京で` in Shift_JIS. */
const TOKYO_SJIS = hex('938c 8b9e 82c5');

suite('encodings: BOMs, declarations, detection', () => {
  it('a page declaring windows-1256: Arabic decoded, rtl, the word after the colon at [13,16]', async () => {
    const page = Buffer.concat([bytesOf('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><title>t</title></head><body><article><p>'), ARABIC_1256, bytesOf('</p></article></body></html>')]);
    const article = await importFile(tempFile('arabic.html', page));
    expect(article.text).toBe('قال المتحدث: نعم');
    expect(article.dir).toBe('rtl');
    expect(article.text.slice(13, 16)).toBe('نعم');
    expect(article.encoding).toMatchObject({ name: 'windows-1256', source: 'declared', declared: 'windows-1256', replaced: 0 });
  });

  it('an XML declaration decides for .xhtml', async () => {
    const page = Buffer.concat([bytesOf('<?xml version="1.0" encoding="windows-1256"?>\n<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="ar"><head><title>t</title></head><body><p>'), ARABIC_1256, bytesOf('</p></body></html>')]);
    const article = await importFile(tempFile('arabic.xhtml', page));
    expect(article.text).toBe('قال المتحدث: نعم');
    expect(article.lang).toBe('ar');
    expect(article.source.format).toBe('xhtml');
    expect(article.encoding).toMatchObject({ name: 'windows-1256', source: 'declared' });
  });

  it('an in-file declaration of UTF-16 over ASCII-compatible bytes is read as UTF-8, never as UTF-16', async () => {
    const page = bytesOf('<?xml version="1.0" encoding="UTF-16"?><html><body><p>Le caf\u00e9 \u0093noir\u0094 est servi.</p></body></html>');
    const article = await importFile(tempFile('false-utf16.xhtml', page));
    expect(article.encoding).toMatchObject({ declared: 'UTF-8', source: 'detected', replaced: 0 });
    expect(article.text).toBe('Le café “noir” est servi.');
  });

  it('an undeclared Shift_JIS text: CLAIM at [3,8], never U+FFFD, and the guess is offered for confirmation', async () => {
    const article = await importFile(tempFile('tokyo.txt', Buffer.concat([TOKYO_SJIS, bytesOf('CLAIM')])));
    expect(article.text).not.toContain('\ufffd');
    expect(article.text).toBe('東京でCLAIM');
    expect(article.text.slice(3, 8)).toBe('CLAIM');
    expect(article.encoding).toMatchObject({ name: 'Shift_JIS', source: 'detected', replaced: 0 });
    expect(article.encoding!.confidence).toBeLessThan(50);
    expect(encodingIsUncertain(article.encoding)).toBe(true);
  });

  it('an undeclared windows-1252 page: curly quotes and café intact, no C1 controls', async () => {
    const body = '\u0093Le caf\u00e9\u0094 n\u0092est pas \u0097 ferm\u00e9. Le caf\u00e9 du coin reste ouvert tous les jours, dit le patron \u0093avec plaisir\u0094, et ses clients aussi.';
    const page = bytesOf(`<html><head><title>Le caf\u00e9</title></head><body><article><p>${body}</p></article></body></html>`);
    const article = await importFile(tempFile('cafe.html', page));
    expect(article.text).not.toMatch(/[\u0080-\u009f]/);
    expect(article.text).toContain('“Le café” n’est pas — fermé.');
    expect(article.title).toBe('Le café');
    expect(article.encoding).toMatchObject({ source: 'detected', replaced: 0 });
  });

  it('an encoding the analyst chose wins, and the replacements it causes are counted, never silent', async () => {
    const path = tempFile('tokyo-chosen.txt', Buffer.concat([TOKYO_SJIS, bytesOf('CLAIM')]));
    const utf8 = await importFile(path, { encoding: 'UTF-8' });
    expect(utf8.encoding).toMatchObject({ name: 'UTF-8', source: 'chosen' });
    expect(utf8.encoding!.replaced).toBeGreaterThan(0);
    const sjis = await importFile(path, { encoding: 'Shift_JIS' });
    expect(sjis.text).toBe('東京でCLAIM');
    expect(sjis.encoding).toEqual({ name: 'Shift_JIS', source: 'chosen', declared: null, confidence: null, replaced: 0 });
  });

  it('UTF-16 without a byte-order mark is refused with a message that says so (never guessed); other NUL bytes are binary data', async () => {
    const text = 'The mayor said the barrier will cost 48 million.';
    await expect(importFile(tempFile('le.txt', Buffer.from(text, 'utf16le')))).rejects.toThrow('le.txt: the file looks like UTF-16 text without a byte-order mark, which Attest does not guess; save it as UTF-8, or as UTF-16 with a byte-order mark');
    await expect(importFile(tempFile('be.txt', Buffer.from(text, 'utf16le').swap16()))).rejects.toThrow(/be\.txt: the file looks like UTF-16 text without a byte-order mark/);
    await expect(importFile(tempFile('image.txt', hex('89504e470d0a1a0a 0000000d 49484452 00000010 00000010 0806 0000')))).rejects.toThrow('image.txt: the file holds binary data, not text');
    // With its byte-order mark the same text opens.
    expect((await importFile(tempFile('bom.txt', Buffer.concat([hex('fffe'), Buffer.from(text, 'utf16le')])))).text).toBe(text);
  });

  it('valid UTF-8 stays UTF-8 whatever a stale declaration says, and the declaration is reported', async () => {
    const article = await importFile(tempFile('stale.html', '<html><head><meta charset="windows-1252"></head><body><article><p>Le café est ouvert tous les jours de la semaine, même le dimanche matin, dit-on ici.</p></article></body></html>'));
    expect(article.text).toContain('café');
    expect(article.encoding).toMatchObject({ name: 'UTF-8', source: 'utf-8', declared: 'windows-1252' });
  });
});

suite('encodings: ISO-2022-JP, and UTF-8 with a damaged sequence', () => {
  /** `東京都の知事` in ISO-2022-JP: 7-bit bytes, so valid UTF-8 as well. */
  const TOKYO_2022 = bytesOf('\x1b$BEl5~ET$NCN;v\x1b(B');

  it('an ISO-2022-JP text is read as such, not as UTF-8 with escape characters, declared or not', async () => {
    const text = await importFile(tempFile('tokyo-2022.txt', Buffer.concat([TOKYO_2022, bytesOf(': CLAIM.')])));
    expect(text.text).toBe('東京都の知事: CLAIM.');
    expect(text.text.slice(8, 13)).toBe('CLAIM');
    expect(text.encoding).toMatchObject({ name: 'ISO-2022-JP', replaced: 0 });
    const page = await importFile(tempFile('tokyo-2022.html', Buffer.concat([bytesOf('<html><head><meta charset="iso-2022-jp"><title>T</title></head><body><article><p>'), TOKYO_2022, bytesOf('</p></article></body></html>')])));
    expect(page.text).toContain('東京都の知事');
    expect(page.text).not.toContain('\u001b');
    expect(page.encoding).toMatchObject({ name: 'ISO-2022-JP', source: 'declared' });
  });

  it('a UTF-8 page with one stray byte stays UTF-8: the byte becomes one U+FFFD, counted, and the encoding is offered', async () => {
    const body = 'Le café est ouvert tous les jours de la semaine, même le dimanche matin, à côté de la gare.';
    const page = Buffer.concat([Buffer.from(`<html><head><meta charset="utf-8"><title>Le café</title></head><body><article><p>${body} `), bytesOf('\xe9'), Buffer.from(' Fin.</p></article></body></html>')]);
    const article = await importFile(tempFile('stray.html', page));
    expect(article.text).toContain(body);
    expect(article.text).not.toContain('Ã');
    expect(article.encoding).toMatchObject({ name: 'UTF-8', source: 'utf-8', declared: 'UTF-8', replaced: 1 });
    expect(encodingIsUncertain(article.encoding)).toBe(true);
  });

  it('a UTF-8 text cut inside its last character, with few other non-ASCII letters, stays UTF-8 with one U+FFFD', async () => {
    const text = 'The minister said \u201cwe are ready\u201d and the talks went on\u2019s way.';
    const article = await importFile(tempFile('cut.txt', Buffer.concat([Buffer.from(text), hex('e2 80')])));
    expect(article.text).toBe(`${text}\ufffd`);
    expect(article.encoding).toMatchObject({ name: 'UTF-8', source: 'utf-8', replaced: 1 });
  });
});
