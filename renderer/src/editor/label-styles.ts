import { customHighlight } from '../../../app/core/highlight-palette.js';
import type { Label } from '../../../app/core/labels.js';

/**
 * The CSS of the custom labels' highlights (`.hl-<id>`: background, wavy underline) in the light
 * theme and, under `prefers-color-scheme: dark`, the dark one; colours from `customHighlight`
 * (readable text, visible line). Built-in labels are styled by `styles.css`. Label ids match
 * `LABEL_ID_PATTERN`, so they are safe as class names.
 */
export function labelStyleRules(labels: readonly Label[]): string {
  const custom = labels.filter((l) => !l.builtIn);
  const rules = (theme: 'light' | 'dark') =>
    custom
      .map((l) => {
        const { background, line } = customHighlight(l.colour, theme);
        return `.hl-${l.id} { background: ${background}; text-decoration-style: wavy; text-decoration-color: ${line}; text-underline-offset: 4px; }`;
      })
      .join('\n');
  return custom.length === 0 ? '' : `${rules('light')}\n@media (prefers-color-scheme: dark) {\n${rules('dark')}\n}`;
}

let sheet: CSSStyleSheet | null = null;

/**
 * Puts the custom labels' highlight CSS into the document as one constructed stylesheet
 * (`document.adoptedStyleSheets`), replaced on every call: script-made CSSOM, which the
 * renderer's CSP allows where it forbids inline `style` attributes and `<style>` elements.
 */
export function applyLabelStyles(labels: readonly Label[]): void {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  sheet.replaceSync(labelStyleRules(labels));
}
