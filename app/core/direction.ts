/** Letters of right-to-left scripts: Hebrew, Arabic, Syriac, Thaana, NKo, and their presentation forms. */
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/g;
/** Letters of left-to-right scripts (Unicode property Letter minus the RTL ones above). */
const LETTER = /\p{L}/gu;

/**
 * Infers a text's base direction from its first 2,000 code units: `rtl` when most letters
 * belong to right-to-left scripts, else `ltr`; `null` when there are no letters.
 */
export function inferDirection(text: string): 'ltr' | 'rtl' | null {
  const sample = text.slice(0, 2000);
  const letters = sample.match(LETTER)?.length ?? 0;
  if (letters === 0) return null;
  const rtl = sample.match(RTL)?.length ?? 0;
  return rtl * 2 > letters ? 'rtl' : 'ltr';
}
