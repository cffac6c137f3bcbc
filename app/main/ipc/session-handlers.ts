import type { HandlerDeps, HandlerGroup } from './context.js';

/** The session handlers beyond the initial article: what main has to tell the analyst about the data directory. */
export function sessionHandlers({ repository }: HandlerDeps): HandlerGroup<'session:notices'> {
  return {
    'session:notices': async () => repository.notices.map((n) => ({ ...n })),
  };
}
