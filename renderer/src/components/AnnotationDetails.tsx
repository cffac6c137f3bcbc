import type { Annotation, AnnotationType, OrphanAnnotation } from '../../../app/core/annotation.js';
import { labelOf } from '../../../app/core/labels.js';
import { attributionOf, isAttributable } from '../../../app/core/attribution.js';
import type { WordStep } from '../../../app/core/word-step.js';
import type { AnnotationEdits } from '../state/annotation-edits.js';
import { useLabels } from './labels/labels-context.js';
import { sourceChoices } from './source-choices.js';
import { DETAILS_IDS } from './use-annotation-keys.js';
import './details.css';
import { NoteField } from './NoteField.js';
import { useCommittedChoice } from './use-committed-choice.js';
import { LONG_QUOTE, shownQuote } from './quote-text.js';

const STEPS: { step: WordStep; label: string; text: string }[] = [
  { step: { edge: 'start', move: 'extend' }, label: 'Extend start by a word', text: '← start' },
  { step: { edge: 'start', move: 'shrink' }, label: 'Shrink start by a word', text: 'start →' },
  { step: { edge: 'end', move: 'shrink' }, label: 'Shrink end by a word', text: '← end' },
  { step: { edge: 'end', move: 'extend' }, label: 'Extend end by a word', text: 'end →' },
];

/**
 * The selected annotation's details, a region named "Annotation": its text, note, type,
 * attribution (to one of the article's sources), boundaries by word, and delete. Esc goes back to the reader.
 */
export function AnnotationDetails({ annotation, annotations, orphans, edits }: { annotation: Annotation; annotations: readonly Annotation[]; orphans: readonly OrphanAnnotation[]; edits: AnnotationEdits }) {
  const labels = useLabels();
  const attributedTo = attributionOf(annotation);
  const sources = sourceChoices(annotations, orphans, annotation.id, attributedTo);
  const typeChoice = useCommittedChoice(annotation.type, (type) => void edits.retype(annotation.id, type as AnnotationType));
  const attributionChoice = useCommittedChoice(attributedTo ?? '', (sourceId) => void edits.attribute(annotation.id, sourceId || null));
  return (
    <section className="details" role="region" aria-label="Annotation" data-annotation-id={annotation.id}>
      <h2>Annotation</h2>
      <blockquote className="details-exact" dir="auto">{shownQuote(annotation.target.quote.exact, LONG_QUOTE)}</blockquote>
      {annotation.target.quote.exact.length > LONG_QUOTE && <p className="details-length">{annotation.target.quote.exact.length.toLocaleString('en')} characters, the first {LONG_QUOTE.toLocaleString('en')} shown (exports hold them all)</p>}
      <label className="details-field">
        <span>Type</span>
        <select id={DETAILS_IDS.type} {...typeChoice}>
          {(labels.some((l) => l.id === annotation.type) ? labels : [...labels, labelOf(labels, annotation.type)]).map(({ id, name }) => (
            <option key={id} value={id}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {isAttributable(annotation.type) && (
        <label className="details-field">
          <span>Attributed to</span>
          <select id={DETAILS_IDS.attributedTo} {...attributionChoice}>
            <option value="">none</option>
            {sources.map((s) => (
              <option key={s.id} value={s.id} disabled={s.orphan} dir="auto">
                {s.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="details-steps" role="group" aria-label="Boundaries">
        {STEPS.map(({ step, label, text }) => (
          <button key={label} type="button" aria-label={label} title={label} onClick={() => void edits.adjust(annotation.id, step)}>
            {text}
          </button>
        ))}
      </div>
      <NoteField key={annotation.id} annotation={annotation} edits={edits} />
      <button type="button" className="details-delete" onClick={() => void edits.requestDelete(annotation.id)}>
        Delete
      </button>
    </section>
  );
}
