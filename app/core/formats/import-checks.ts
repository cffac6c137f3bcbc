import type { TargetSelectors } from '../annotation.js';
import { isInsideSurrogatePair } from '../text.js';

/**
 * Checks on annotations read from an import file (Attest annotated JSON, W3C Web Annotation)
 * before they are stored: a span never starts or ends inside a character. Pure.
 */

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Why the selectors of an imported annotation would put it inside a character of `text` (its
 * article's canonical text), in words for the analyst; null when they do not. A character here is
 * a Unicode code point: the two UTF-16 code units of a surrogate pair (an emoji, a flag's letter)
 * are never parted. Checked: the `TextPositionSelector`'s start and end (UTF-16 offsets) against
 * `text`, and the ends of the quote's `exact` (a quote starting with the second half of a pair or
 * ending with the first half can only be found inside a character). A span that passes is placed
 * at whole characters by every step of `anchor` (the exact steps match it as it is; the fuzzy one
 * moves its ends to grapheme boundaries).
 */
export function halfCharacterProblem(text: string, target: TargetSelectors): string | null {
  const { position, quote } = target;
  for (const [end, offset] of [['start', position?.start], ['end', position?.end]] as const) {
    if (offset !== undefined && isInsideSurrogatePair(text, offset)) {
      return `its ${end}, UTF-16 offset ${offset}, falls inside a character (between the two halves of a surrogate pair)`;
    }
  }
  const { exact } = quote;
  if (exact.length > 0 && isLow(exact.charCodeAt(0))) return 'its quote starts inside a character (with the second half of a surrogate pair)';
  if (exact.length > 0 && isHigh(exact.charCodeAt(exact.length - 1))) return 'its quote ends inside a character (with the first half of a surrogate pair)';
  return null;
}
