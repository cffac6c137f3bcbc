/**
 * The encodings an analyst can reopen a file with, by their WHATWG Encoding Standard names
 * (https://encoding.spec.whatwg.org/#names-and-labels). Main decodes with `@exodus/bytes`,
 * which implements that standard; the IPC contract accepts only these names.
 */
export const ENCODING_CHOICES = [
  'UTF-8',
  'UTF-16LE',
  'UTF-16BE',
  'windows-1252',
  'windows-1250',
  'windows-1251',
  'windows-1253',
  'windows-1254',
  'windows-1255',
  'windows-1256',
  'windows-1257',
  'windows-1258',
  'ISO-8859-2',
  'ISO-8859-5',
  'ISO-8859-7',
  'ISO-8859-8',
  'ISO-8859-15',
  'KOI8-R',
  'KOI8-U',
  'windows-874',
  'Shift_JIS',
  'EUC-JP',
  'ISO-2022-JP',
  'GBK',
  'gb18030',
  'Big5',
  'EUC-KR',
] as const;

/** One of `ENCODING_CHOICES`. */
export type EncodingChoice = (typeof ENCODING_CHOICES)[number];
