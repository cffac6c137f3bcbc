import mammoth from 'mammoth';
import { ImportError } from './errors.js';
import { importConvertedHtml } from './html.js';
import type { ImportedBody } from './txt.js';
import { declaredUncompressedSize, inflatedSizeWithin } from './zip-size.js';

/** The most a .docx may inflate to, all parts together: more is a zip bomb, not a document. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

/** Word's quotation styles become block quotes (mammoth's default map has none). */
const STYLE_MAP = ["p[style-name='Quote'] => blockquote > p:fresh", "p[style-name='Intense Quote'] => blockquote > p:fresh"];

/**
 * Imports a Word document (`.docx`, Office Open XML): converted to HTML by `mammoth` (headings,
 * paragraphs, lists, links, bold, italic; images dropped, no external file read), then walked
 * into the canonical text by `htmlToBody`. The title is the first heading, else `fallbackTitle`.
 * Throws `ImportError('unreadable')` when the file is not a readable .docx, and
 * `ImportError('too-large')` when its central directory declares more than
 * `MAX_DOCX_UNCOMPRESSED_BYTES` uncompressed, checked before anything is inflated, or when its
 * entries, inflated with their output capped at that limit, turn out larger than they declare (a
 * ZIP that understates its sizes; inflated off main's thread), before JSZip (inside mammoth)
 * inflates them without a cap.
 */
export async function importDocx(bytes: Uint8Array, fallbackTitle: string): Promise<ImportedBody> {
  const declared = declaredUncompressedSize(bytes);
  if (declared === null) throw new ImportError('unreadable', 'not a readable Word document (not a ZIP archive)');
  if (declared > MAX_DOCX_UNCOMPRESSED_BYTES) throw new ImportError('too-large', `the document would inflate to ${declared === Infinity ? 'more than 4 GiB' : `${declared} bytes`}, more than the ${MAX_DOCX_UNCOMPRESSED_BYTES}-byte limit`);
  const inflated = await inflatedSizeWithin(bytes, MAX_DOCX_UNCOMPRESSED_BYTES);
  if (inflated === 'over') throw new ImportError('too-large', `the document inflates to more than the ${MAX_DOCX_UNCOMPRESSED_BYTES}-byte limit (more than its headers declare)`);
  if (inflated === null) throw new ImportError('unreadable', 'not a readable Word document (a damaged ZIP entry)');
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      { styleMap: STYLE_MAP, externalFileAccess: false, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
    );
    html = result.value;
  } catch (error) {
    // A TypeError is mammoth tripping over a part that is missing or malformed (a list without its
    // numbering part, say): its message names JavaScript, not the document.
    const cause = error instanceof TypeError ? 'a part is damaged, or refers to one that is missing' : (error as Error).message.split('\n')[0];
    throw new ImportError('unreadable', `not a readable Word document (${cause})`);
  }
  return importConvertedHtml(html, fallbackTitle);
}
