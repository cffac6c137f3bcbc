import { annotationEditHandlers } from './annotation-edit-handlers.js';
import { annotationHandlers } from './annotation-handlers.js';
import { AnnotationHistories } from './annotation-history.js';
import { articleHandlers } from './article-handlers.js';
import type { HandlerDeps, Handlers } from './context.js';
import { exportHandlers } from './export-handlers.js';
import { fileCheckHandlers } from './file-check-handlers.js';
import { labelHandlers } from './label-handlers.js';
import { libraryHandlers } from './library-handlers.js';
import { sessionHandlers } from './session-handlers.js';
import { windowHandlers } from './window-handlers.js';

/** Builds every main-process handler over `deps`: one group per area, together covering the contract. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const histories = new AnnotationHistories(deps.repository);
  return {
    ...articleHandlers(deps),
    ...annotationHandlers(deps, histories),
    ...annotationEditHandlers(deps, histories),
    ...exportHandlers(deps),
    ...fileCheckHandlers(deps),
    ...labelHandlers(deps, histories),
    ...libraryHandlers(deps),
    ...sessionHandlers(deps),
    ...windowHandlers(),
  };
}
