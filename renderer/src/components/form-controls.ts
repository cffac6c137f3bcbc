/** Whether `el` is a text box (a text area, or an input other than a button, a checkbox or a radio button): the undo keys belong to its typing. */
export function isTextField(el: EventTarget | Element | null): boolean {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio'].includes(el.type));
}

/** Whether `el` is a form control (an input of any type, a text area, a select): Delete and other keys act on it there. */
export function isFormControl(el: EventTarget | Element | null): boolean {
  return el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
}

/** Whether `el` is inside a dialog or a menu, whose keys are its own. */
export function isInDialog(el: EventTarget | Element | null): boolean {
  return el instanceof Element && el.closest('[role="dialog"], [role="alertdialog"], [role="menu"]') !== null;
}
