import type { HandlerDeps, HandlerGroup } from './context.js';

/**
 * The session handlers beyond the initial article: what main has to tell the analyst about the
 * data directory, and the analyst's preferences (`PreferenceSettings`).
 */
export function sessionHandlers({ repository }: HandlerDeps): HandlerGroup<'session:notices' | 'preferences:get' | 'preferences:set'> {
  return {
    'session:notices': async () => repository.notices.map((n) => ({ ...n })),
    'preferences:get': async () => repository.preferences.get(),
    'preferences:set': async (patch) => repository.preferences.set(patch),
  };
}
