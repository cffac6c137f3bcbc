import type { WordStep } from '../../../app/core/word-step.js';

/**
 * The status message for a boundary button that found no word to move by (`stepByWord` answered
 * null): shrinking a one-word span, or extending past the first or last word of the text.
 */
export function noWordStepMessage(step: WordStep): string {
  if (step.move === 'shrink') return 'Nothing changed: the span is one word, and a span keeps at least one.';
  return `Nothing changed: there is no word ${step.edge === 'start' ? 'before' : 'after'} the span.`;
}
