import { annotationHandlers } from './annotation-handlers.js';
import { articleHandlers } from './article-handlers.js';
import type { HandlerDeps, Handlers } from './context.js';
import { exportHandlers } from './export-handlers.js';
import { libraryHandlers } from './library-handlers.js';
import { sessionHandlers } from './session-handlers.js';

/** Builds every main-process handler over `deps`: one group per area, together covering the contract. */
export function createHandlers(deps: HandlerDeps): Handlers {
  return { ...articleHandlers(deps), ...annotationHandlers(deps), ...exportHandlers(deps), ...libraryHandlers(deps), ...sessionHandlers(deps) };
}
