import { describe as suite, expect, it } from 'vitest';
import { declaredUncompressedSize, inflatedSizeWithin } from '../../app/main/importers/zip-size.js';
import { makeZipBomb } from '../support/zip-bomb.js';

const MB = 1024 * 1024;
const TYPES_BYTES = 98; // the [Content_Types].xml entry of makeZipBomb

suite('the size a ZIP inflates to', () => {
  it('counts every entry, and lets main\'s event loop run while it inflates', async () => {
    const bytes = makeZipBomb(20 * MB);
    expect(declaredUncompressedSize(bytes)).toBe(20 * MB + TYPES_BYTES);
    let turns = 0;
    let counting = true;
    const tick = () => {
      turns++;
      if (counting) setImmediate(tick);
    };
    setImmediate(tick);
    const total = await inflatedSizeWithin(bytes, 200 * MB);
    counting = false;
    expect(total).toBe(20 * MB + TYPES_BYTES);
    // Inflated on main's thread, the loop would not turn before the answer.
    expect(turns).toBeGreaterThan(0);
  });

  it('answers over as soon as the entries exceed the limit, whatever the headers declare', async () => {
    const understated = makeZipBomb(20 * MB, 1_000);
    expect(declaredUncompressedSize(understated)).toBe(1_000 + TYPES_BYTES);
    expect(await inflatedSizeWithin(understated, 10 * MB)).toBe('over');
  });

  it('answers null for a broken deflate stream', async () => {
    const damaged = new Uint8Array(makeZipBomb(1 * MB));
    // The document's deflated data is most of the file: its middle is inside that stream.
    const at = damaged.length >> 1;
    damaged.fill(0xff, at, at + 64);
    expect(await inflatedSizeWithin(damaged, 200 * MB)).toBeNull();
  });
});
