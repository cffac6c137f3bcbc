import { describe as suite, expect, it } from 'vitest';
import type { Annotation, OrphanAnnotation } from '../../app/core/annotation.js';
import { alreadyTaggedMessage } from '../../renderer/src/state/already-tagged.js';
import { describeStep } from '../../renderer/src/state/step-message.js';

const a = { id: 'a' } as Annotation;
const o = { id: 'o' } as OrphanAnnotation;

suite('what an undo or redo shows', () => {
  it('selects the annotation the step was about when it is there, and names the step', () => {
    expect(describeStep('undo', { applied: 'Delete annotation', subject: 'a', annotations: [a], orphans: [] })).toEqual({ selectedId: 'a', message: 'Undone: Delete annotation.' });
    expect(describeStep('redo', { applied: 'Change type', subject: 'a', annotations: [a], orphans: [] })).toEqual({ selectedId: 'a', message: 'Redone: Change type.' });
  });

  it('selects nothing when the step took the annotation away or left it an orphan, and says so', () => {
    expect(describeStep('undo', { applied: 'Tag as Quote', subject: 'q', annotations: [a], orphans: [] })).toEqual({ selectedId: null, message: 'Undone: Tag as Quote. The annotation is removed; nothing is selected.' });
    expect(describeStep('undo', { applied: 'Delete annotation', subject: 'o', annotations: [a], orphans: [o] }).selectedId).toBeNull();
    expect(describeStep('undo', { applied: 'Delete annotation', subject: 'o', annotations: [a], orphans: [o] }).message).toMatch(/^Undone: Delete annotation\. The annotation is listed under Orphans/);
  });

  it('says when there was nothing to undo or redo', () => {
    expect(describeStep('undo', { applied: null, subject: null, annotations: [], orphans: [] }).message).toBe('Nothing to undo.');
    expect(describeStep('redo', { applied: null, subject: null, annotations: [], orphans: [] }).message).toBe('Nothing to redo.');
  });
});

suite('tagging a span with the label it has already', () => {
  it('names the span and the label; a long span is cut after 60 code units', () => {
    expect(alreadyTaggedMessage('beta', 'Claim')).toBe('“beta” is already tagged as Claim: it is selected.');
    const long = `${'word '.repeat(20)}end`;
    expect(alreadyTaggedMessage(long, 'Quote')).toBe(`“${long.slice(0, 60).trimEnd()}…” is already tagged as Quote: it is selected.`);
  });

  it('never cuts an emoji (a surrogate pair) in half', () => {
    const span = `${'a'.repeat(59)}😀 and more`;
    expect(alreadyTaggedMessage(span, 'Claim')).toBe(`“${'a'.repeat(59)}…” is already tagged as Claim: it is selected.`);
  });
});
