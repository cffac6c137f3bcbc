/**
 * The imported article: metadata, structure, and the canonical text that every offset counts in.
 *
 * **Canonical text.** One string built by the importers from the file, and the only text that
 * annotation offsets refer to (UTF-16 code units, see `text.ts`). It is the article's textblocks
 * (paragraphs, headings, list items, quoted paragraphs) in reading order, joined by `"\n\n"`:
 * - line ends are LF (CRLF and lone CR become LF) and a byte-order mark is never a character;
 * - in web pages, white space is collapsed as a browser renders it (runs of space, tab, CR, LF
 *   become one space; none at the start or end of a block) and `<br>` is one LF;
 * - in plain text, a block is a run of lines between blank lines, kept as written (spaces and
 *   single LFs inside it are kept) with ASCII white space trimmed at its ends;
 * - NO-BREAK SPACE (U+00A0) and every other character are kept as they are.
 * The reader shows exactly this text, so what the analyst selects is what the offsets count.
 */

/** Kinds of textblock, named after the ProseMirror nodes that show them. */
export type BlockType = 'paragraph' | 'heading' | 'list_item';

/** A textblock of the canonical text: `text.slice(start, end)` is its content (UTF-16 offsets). */
export interface Block {
  type: BlockType;
  start: number;
  end: number;
  /** Heading level 1–6, for headings. */
  level?: number;
  /** Number of block quotes around the block (0 when not quoted). */
  quote?: number;
  /** For list items: whether the list is ordered. */
  ordered?: boolean;
}

/** Inline formatting kept from the source, as ranges of the canonical text (UTF-16 offsets). */
export interface InlineMark {
  type: 'link' | 'strong' | 'em';
  start: number;
  end: number;
  /** The link target, kept as text only: the reader never follows it. */
  href?: string;
}

/**
 * Formats the importers read in this version (`markdown`: `.md`/`.markdown`; `mhtml`:
 * `.mhtml`/`.mht`; `attest-json`: Attest's own annotated JSON, reopened).
 */
export type ArticleFormat = 'txt' | 'html' | 'xhtml' | 'mhtml' | 'markdown' | 'docx' | 'attest-json';

/** Every `ArticleFormat`, in the order the docs list them. */
export const ARTICLE_FORMATS = ['txt', 'html', 'xhtml', 'mhtml', 'markdown', 'docx', 'attest-json'] as const satisfies readonly ArticleFormat[];

/** Where an article came from. */
export interface ArticleSource {
  /** Absolute path of the file it was last opened from. */
  path: string;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  format: ArticleFormat;
}

/** Metadata kept from the source (Readability for web pages); `null` when the source has none. */
export interface ArticleMetadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'ltr' | 'rtl' | null;
  /**
   * The page's original address when the file records it: `<link rel="canonical">`, else
   * `og:url`, else where the browser saved it from (the `<!-- saved from url=(NNNN)URL -->`
   * comment, an MHTML `Snapshot-Content-Location`). Absolute http(s) URLs only.
   */
  url: string | null;
}

/**
 * How a text file's bytes became characters (see `app/main/importers/decode.ts`).
 * - `name`: the WHATWG Encoding Standard name it was decoded with (`UTF-8`, `windows-1252`, …);
 * - `source`: what decided it: a byte-order mark, bytes valid as UTF-8, a declaration in the file
 *   (`<meta charset>`, `http-equiv`, an XML declaration, an MHTML part's `charset`), detection
 *   (chardet) when nothing was declared, or the analyst's choice for this file;
 * - `declared`: the encoding the file declares, if any, even when it was not used;
 * - `confidence`: chardet's confidence (0–100) for `detected`, else `null`;
 * - `replaced`: how many U+FFFD REPLACEMENT CHARACTERs the decoding produced (0 unless no
 *   candidate decoded strictly, or the analyst chose an encoding that does not fit the bytes).
 * The reader offers another encoding when `source` is `detected` or `chosen`, or `replaced > 0`.
 */
export interface ArticleEncoding {
  name: string;
  source: 'bom' | 'utf-8' | 'declared' | 'detected' | 'chosen';
  declared: string | null;
  confidence: number | null;
  replaced: number;
}

/** Whether the reader should let the analyst pick another encoding: it was guessed, chosen or lossy. */
export function encodingIsUncertain(encoding: ArticleEncoding | null): boolean {
  return encoding !== null && (encoding.source === 'detected' || encoding.source === 'chosen' || encoding.replaced > 0);
}

/** An imported article. `id` is the SHA-256 (hex) of the UTF-8 encoding of `text`. */
export interface Article extends ArticleMetadata {
  id: string;
  text: string;
  blocks: Block[];
  marks: InlineMark[];
  source: ArticleSource;
  /** How the file's bytes were decoded; `null` for formats that are not text (docx) and articles stored before it was kept. */
  encoding: ArticleEncoding | null;
}

/** The separator between textblocks in the canonical text. */
export const BLOCK_SEPARATOR = '\n\n';
