import mammoth from 'mammoth';
import { ImportError } from './errors.js';
import { importConvertedHtml } from './html.js';
import type { ImportedBody } from './txt.js';

/** Word's quotation styles become block quotes (mammoth's default map has none). */
const STYLE_MAP = ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Intense Quote'] => blockquote > p:fresh"];

/**
 * Imports a Word document (`.docx`, Office Open XML): converted to HTML by `mammoth` (headings,
 * paragraphs, lists, links, bold, italic; images dropped, no external file read), then walked
 * into the canonical text by `htmlToBody`. The title is the first heading, else `fallbackTitle`.
 * Throws `ImportError('unreadable')` when the file is not a readable .docx.
 */
export async function importDocx(bytes: Uint8Array, fallbackTitle: string): Promise<ImportedBody> {
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    throw new ImportError('unreadable', `not a readable Word document (${(error as Error).message.split('\n')[0]})`);
  }
  return importConvertedHtml(html, fallbackTitle);
}
