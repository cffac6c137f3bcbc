import { z } from 'zod';

/** The reader's text sizes, as scales of its base size (the CSS `--reader-scale`); A− and A+ step through them. */
export const READER_SCALES = [0.8, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2] as const;

/** True when `value` is one of `READER_SCALES`. */
export function isReaderScale(value: unknown): value is number {
  return (READER_SCALES as readonly unknown[]).includes(value);
}

/**
 * The analyst's preferences that hold for every article, kept by main (`preferences.json` in the
 * data directory); each is absent until the analyst sets it. `readerScale`: the reader's text
 * size, one of `READER_SCALES`.
 */
export const PreferencesSchema = z.object({ readerScale: z.number().refine(isReaderScale, 'not one of the reader’s text sizes').optional() });

/** See `PreferencesSchema`. */
export type Preferences = z.infer<typeof PreferencesSchema>;

/** The preferences of a data directory that has none stored yet: none set. */
export const NO_PREFERENCES: Preferences = {};
