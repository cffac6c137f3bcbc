import { describe as suite, expect, it, vi } from 'vitest';
import type { AttestApi, IpcChannel } from '../../app/core/ipc.js';
import type { LibraryEntry } from '../../app/core/library-schemas.js';
import { pollLibraryRevision } from '../../renderer/src/bridge/library-poll.js';
import { visibleEntries } from '../../renderer/src/state/library-store.js';

const entry = (title: string, publishedTime: string | null, path = `/lib/${title}.html`): LibraryEntry => ({
  path,
  root: '/lib',
  articleId: null,
  title,
  siteName: null,
  publishedTime,
  counts: { claim: 0, quote: 0, source: 0 },
  error: null,
});

suite('the library view: filter and order', () => {
  const entries = [
    entry('Rail fares rise', '2025-11-20T07:15:00Z'),
    entry('Bridge inspection', null),
    entry('Council votes on meals', '2026-05-02T16:00:00Z'),
    entry('Élan of the council', 'not a date'),
    entry('harbour dredging', '2026-03-14'),
  ];
  const titles = (list: LibraryEntry[]) => list.map((e) => e.title);

  it('sorts by date newest first, undated and unparsable dates last (by title among them)', () => {
    expect(titles(visibleEntries(entries, '', 'date'))).toEqual(['Council votes on meals', 'harbour dredging', 'Rail fares rise', 'Bridge inspection', 'Élan of the council']);
  });

  it('sorts by title as the locale orders it, case and accents not first', () => {
    expect(titles(visibleEntries(entries, '', 'title'))).toEqual(['Bridge inspection', 'Council votes on meals', 'Élan of the council', 'harbour dredging', 'Rail fares rise']);
  });

  it('sorts numbers in titles by their value: Article 2 before Article 10', () => {
    const numbered = ['Article 10', 'Article 2', 'Article 100', 'Article 1'].map((t) => entry(t, null));
    expect(titles(visibleEntries(numbered, '', 'title'))).toEqual(['Article 1', 'Article 2', 'Article 10', 'Article 100']);
  });

  it('filters by title, case-insensitive, ignoring white space around the query', () => {
    expect(titles(visibleEntries(entries, '  COUNCIL ', 'title'))).toEqual(['Council votes on meals', 'Élan of the council']);
    expect(visibleEntries(entries, 'ferry', 'date')).toEqual([]);
  });

  it('filters ignoring accents and case both ways: cafe finds Café, ZÜRICH and zurich find Zürich', () => {
    const cafes = [entry('Café owners in Zürich', null), entry('Cafeteria prices', null), entry('Crème brûlée', null), entry('Bridge inspection', null)];
    expect(titles(visibleEntries(cafes, 'cafe', 'title'))).toEqual(['Café owners in Zürich', 'Cafeteria prices']);
    expect(titles(visibleEntries(cafes, 'CAFÉ', 'title'))).toEqual(['Café owners in Zürich', 'Cafeteria prices']);
    expect(titles(visibleEntries(cafes, 'zurich', 'title'))).toEqual(['Café owners in Zürich']);
    expect(titles(visibleEntries(cafes, 'ZÜRICH', 'title'))).toEqual(['Café owners in Zürich']);
    expect(titles(visibleEntries(cafes, 'creme brulee', 'title'))).toEqual(['Crème brûlée']);
    expect(titles(visibleEntries(entries, 'elan', 'date'))).toEqual(['Élan of the council']);
  });
});

suite('the browser-mode library poll', () => {
  /** An `invoke` answering `library:revision` from `revisions` in turn (the last one repeats). */
  function fakeMain(revisions: number[]) {
    let calls = 0;
    const invoke = (async (channel: IpcChannel) => {
      expect(channel).toBe('library:revision');
      const revision = revisions[Math.min(calls, revisions.length - 1)];
      calls += 1;
      return { ok: true, value: { revision } };
    }) as AttestApi['invoke'];
    return { invoke, calls: () => calls };
  }

  it('tells listeners once at the start and again each time the revision moves; stops when none listen', async () => {
    // Fake timers: the intervals pass when the test says, so a poll that never stopped would be
    // seen calling on through the 100 intervals after the last unsubscribe.
    vi.useFakeTimers();
    try {
      const main = fakeMain([3, 3, 4, 4, 4, 7]);
      const poll = pollLibraryRevision(main, 1);
      let heard = 0;
      const stop = poll.subscribe(() => {
        heard += 1;
      });
      while (heard < 3) await vi.advanceTimersByTimeAsync(1);
      expect(main.calls()).toBe(6);
      stop();
      const after = main.calls();
      await vi.advanceTimersByTimeAsync(100);
      expect(main.calls()).toBe(after);
      expect(heard).toBe(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
