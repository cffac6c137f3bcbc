import { describe as suite, expect, it } from 'vitest';
import type { LibraryEntry } from '../../app/core/library-schemas.js';
import { pathsForSameTitles } from '../../renderer/src/components/library/same-titles.js';

const entry = (path: string, title: string, root = '/lib'): LibraryEntry => ({ path, root, articleId: null, title, siteName: null, publishedTime: null, counts: { claim: 0, quote: 0, source: 0 }, error: null });

suite('library rows that share a title', () => {
  it('show their path in the folder; a row with a title of its own shows none', () => {
    const shown = pathsForSameTitles([
      entry('/lib/cafe.html', 'Café owners protest'),
      entry('/lib/2026/cafe-copy.html', 'Café owners protest'),
      entry('/other/cafe.txt', 'Café owners protest', '/other'),
      entry('/lib/rail.html', 'Rail fares rise'),
    ]);
    expect([...shown]).toEqual([
      ['/lib/cafe.html', 'cafe.html'],
      ['/lib/2026/cafe-copy.html', '2026/cafe-copy.html'],
      ['/other/cafe.txt', 'cafe.txt'],
    ]);
  });
});
