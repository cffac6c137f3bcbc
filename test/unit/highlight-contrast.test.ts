import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe as suite, expect, it } from 'vitest';
import { contrastRatio, over, parseHex } from '../../app/core/colour.js';

// The reader's highlight colours must keep text readable (WCAG AA, 4.5:1) in both themes,
// for one highlight and for two overlapping ones, as the stylesheet defines them.
const css = readFileSync(join(import.meta.dirname, '../../renderer/src/styles.css'), 'utf8');
const light = css.slice(css.indexOf(':root {'), css.indexOf('@media (prefers-color-scheme: dark)'));
const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
const variable = (block: string, name: string) => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-f]+)`, 'i').exec(block);
  if (!m) throw new Error(`--${name} is not a hex colour in the stylesheet`);
  return parseHex(m[1]);
};
const TYPES = ['claim', 'quote', 'source'];

suite.each([['light', light], ['dark', dark]])('%s theme', (_name, block) => {
  const bg = variable(block, 'bg');
  const fg = variable(block, 'fg');
  it.each(TYPES)('text on a %s highlight has at least 4.5:1', (type) => {
    expect(contrastRatio(fg, over(variable(block, type), bg))).toBeGreaterThanOrEqual(4.5);
  });
  it.each(TYPES.flatMap((a) => TYPES.map((b) => [a, b])))('text on %s over %s has at least 4.5:1', (a, b) => {
    expect(contrastRatio(fg, over(variable(block, a), over(variable(block, b), bg)))).toBeGreaterThanOrEqual(4.5);
  });
});
