import { describe as suite, expect, it } from 'vitest';
import { contrastRatio, over, parseHex } from '../../app/core/colour.js';

suite('WCAG contrast', () => {
  it('black on white is 21, white on white is 1', () => {
    expect(contrastRatio(parseHex('#000'), parseHex('#ffffff'))).toBeCloseTo(21, 5);
    expect(contrastRatio(parseHex('#fff'), parseHex('#fff'))).toBe(1);
  });
  it('matches the WCAG example of #777 on white (4.48)', () => {
    expect(contrastRatio(parseHex('#777777'), parseHex('#ffffff'))).toBeCloseTo(4.48, 2);
  });
  it('composites a translucent highlight over the page', () => {
    expect(over(parseHex('#ff000080'), parseHex('#ffffff'))).toMatchObject({ r: 255, a: 1 });
    expect(over(parseHex('#00000000'), parseHex('#123456'))).toMatchObject({ r: 0x12, g: 0x34, b: 0x56 });
    expect(() => parseHex('red')).toThrow(SyntaxError);
  });
});
