import { useEffect, useRef, useState } from 'react';
import type { Article } from '../../../app/core/article.js';
import type { AttestApi } from '../../../app/core/ipc.js';
import { lastSegment } from './path-name.js';

type FileState = 'same' | 'changed' | 'missing' | 'unchecked';

/**
 * Asks main (`article:check-file`) whether the open article's file still holds the bytes it was
 * read from, each time the window comes back into focus or view: where an analyst who edited or
 * moved it in another program returns, and again when the article is shown anew while the file
 * was found changed. `same` until an answer says otherwise; a failed request changes nothing;
 * `unchecked`: a file main does not look at (named by an imported export, not opened here).
 */
export function useFileState(api: AttestApi, article: Article | null): FileState {
  const [state, setState] = useState<{ articleId: string | null; state: FileState }>({ articleId: null, state: 'same' });
  const shown = useRef(state);
  shown.current = state;
  useEffect(() => {
    if (!article) return;
    let live = true;
    const check = () => {
      if (document.visibilityState !== 'visible') return;
      void api.invoke('article:check-file', { articleId: article.id, path: article.source.path }).then((result) => {
        if (live && result.ok) setState({ articleId: article.id, state: result.value.state });
      });
    };
    window.addEventListener('focus', check);
    document.addEventListener('visibilitychange', check);
    // Reopened (the same text from other bytes keeps its article): the bar goes once main agrees.
    if (shown.current.articleId === article.id && shown.current.state !== 'same') check();
    return () => {
      live = false;
      window.removeEventListener('focus', check);
      document.removeEventListener('visibilitychange', check);
    };
  }, [api, article]);
  return article && state.articleId === article.id ? state.state : 'same';
}

/**
 * A bar under the toolbar when the open article's file changed on disk (Reopen: the new text,
 * its annotations re-anchored as for any changed file) or is gone (the annotations stay in the
 * store, and in this window).
 */
export function FileChangedBar({ article, state, onReopen }: { article: Article; state: FileState; onReopen(): void }) {
  if (state === 'same' || state === 'unchecked') return null;
  const name = lastSegment(article.source.path);
  return (
    <div className="message message-info file-changed" role="status">
      {state === 'changed' ? (
        <>
          <span>{name} changed on disk since it was opened. Reopen it to read the new text; the annotations follow it.</span>
          <button type="button" onClick={onReopen}>
            Reopen
          </button>
        </>
      ) : (
        <span>{name} is no longer where it was opened from (moved or deleted). Its annotations are kept.</span>
      )}
    </div>
  );
}
