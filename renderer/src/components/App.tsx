import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import type { AnnotationType } from '../../../app/core/annotation.js';
import { isAttributable, linkedIds } from '../../../app/core/attribution.js';
import type { AttestApi } from '../../../app/core/ipc.js';
import type { MenuCommand } from '../../../app/core/ipc-messages.js';
import { isDeleteKey, useReader } from '../editor/use-reader.js';
import { AnnotationEdits } from '../state/annotation-edits.js';
import type { LabelStore } from '../state/label-store.js';
import type { LibraryStore } from '../state/library-store.js';
import { applyLabelStyles } from '../editor/label-styles.js';
import { useLabels } from './labels/labels-context.js';
import { LabelsDialog } from './labels/LabelsDialog.js';
import type { SessionStore } from '../state/session-store.js';
import { SourceQuestionDialog } from './SourceQuestionDialog.js';
import { FindBar } from './FindBar.js';
import { FileChangedBar, useFileState } from './FileChangedBar.js';
import { useFind } from './use-find.js';
import { SideColumn } from './SideColumn.js';
import { useHeldUntilPainted } from './use-held-until-painted.js';
import { isFormControl, isInDialog, isTextField } from './form-controls.js';
import { ContextMenu } from './ContextMenu.js';
import { KeysOverlay } from './KeysOverlay.js';
import { contextMenuTarget } from './menu-target.js';
import { isUndoKey } from './undo-keys.js';
import { DETAILS_IDS, useAnnotationKeys } from './use-annotation-keys.js';
import { useRevealed } from './use-revealed.js';
import { ArticleHeader } from './ArticleHeader.js';
import { InterchangeBar } from './InterchangeBar.js';
import { LibraryView } from './library/LibraryView.js';
import { OverlapMenu } from './OverlapMenu.js';
import { Toolbar } from './Toolbar.js';
import { whenIdle } from '../when-idle.js';

/** The main window: toolbar, then the reader and the Annotations panel, or the library view. */
export function App({ api, session, library, labels: labelStore }: { api: AttestApi; session: SessionStore; library: LibraryStore; labels: LabelStore }) {
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const labels = useLabels();
  useEffect(() => applyLabelStyles(labels), [labels]);
  // Opening an Attest export or importing annotations can bring labels from another machine. The
  // set is asked for when the renderer is next idle: the call is not needed to show the article.
  useEffect(() => whenIdle(() => void labelStore.load()), [labelStore, state.opened?.article]);
  const [labelsShown, setLabelsShown] = useState(false);
  const mount = useRef<HTMLDivElement>(null);
  const pane = useRef<HTMLElement>(null);
  const article = state.opened?.article ?? null;
  // Another article (another text: its id is the text's hash) starts at its top, before it is painted.
  useLayoutEffect(() => {
    if (pane.current) pane.current.scrollTop = 0;
  }, [article?.id]);
  const [view, setView] = useState<'reader' | 'library'>('reader');
  // Whatever opened an article (library, Open…, a drop), the reader shows it.
  useEffect(() => setView('reader'), [state.opened]);

  const edits = useMemo(() => new AnnotationEdits(api, session), [api, session]);
  const { pending: question } = useSyncExternalStore(edits.subscribe, edits.getSnapshot);
  const [hoveredId, setHoveredId] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; id: string | null; canTag: boolean } | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  // Hovering from one highlight to another repaints only when what is linked changes: most
  // annotations link nothing, and then the same empty set keeps the reader as it is.
  const selectedLinks = useMemo(() => linkedIds(state.annotations, state.selectedId), [state.annotations, state.selectedId]);
  const hoveredLinks = useMemo(() => linkedIds(state.annotations, hoveredId), [state.annotations, hoveredId]);
  const linked = useMemo(() => unionOf(selectedLinks, hoveredLinks), [selectedLinks, hoveredLinks]);
  // The details and the panel follow a tag (keys, toolbar, menus) or a delete by the reader's key
  // one frame after the reader.
  const [side, holdSide] = useHeldUntilPainted(state);

  const reader = useReader(
    mount,
    article,
    state.annotations,
    state.selectedId,
    {
      labels,
      onTag: (type) => tag(type),
      onDelete: () => {
        holdSide();
        void edits.requestDelete();
      },
      onClickAnnotations: (ids, x, y) => session.select(ids[0] ?? null, ids.length > 1 ? { ids, x, y } : null),
      onHoverAnnotation: setHoveredId,
      onContextMenu: (ids, x, y, fromKeyboard) => {
        const target = contextMenuTarget(ids, { x, y }, fromKeyboard, session.getSnapshot().selectedId);
        if (target.id) session.select(target.id);
        setMenu({ ...target, canTag: reader.selection() !== null });
      },
    },
    linked,
  );
  useRevealed(edits, reader);
  // An article opened from the keyboard (Open…, a row of the library, which goes with its view)
  // leaves focus nowhere: the reader takes it, so its keys work at once. Focus elsewhere stays.
  useEffect(() => {
    if (article && view === 'reader' && (document.activeElement === null || document.activeElement === document.body)) reader.focus();
  }, [article, view, reader]);

  const tag = useCallback(
    (type: AnnotationType) => {
      const range = reader.selection();
      if (!range) return session.fail('Select some text in the article first.');
      // Shown at once, stored by main in the background; the selection collapses to its end, so
      // the next drag or key starts from there.
      holdSide();
      void edits.tag(type, range.start, range.end, labels.find((l) => l.id === type)?.name);
      reader.collapse();
    },
    [edits, holdSide, labels, reader, session],
  );

  const selectFromPanel = useCallback(
    (id: string) => {
      session.select(id);
      reader.scrollTo(id);
    },
    [reader, session],
  );

  const [keysShown, setKeysShown] = useState(false);
  const showKeys = useCallback(() => setKeysShown(true), []);
  useAnnotationKeys(session, reader, view === 'reader' && !keysShown && !labelsShown && !question && !state.choice, showKeys);

  const fileState = useFileState(api, article);
  const { find, open: openFind, showMatches, close: closeFind } = useFind(article, reader, view === 'reader');

  const runCommand = useCallback(
    (command: MenuCommand) => {
      if (command === 'open') void session.choose();
      else if (command === 'labels') setLabelsShown(true);
      else if (command === 'export') void session.exportArticle().then((path) => path && session.inform(`Exported to ${path}`));
      // In a text box, in any view, the keys undo typing, as everywhere; elsewhere annotation changes.
      else if ((command === 'undo' || command === 'redo') && isTextField(document.activeElement)) document.execCommand(command);
      // Tagging, deleting and undoing them act on the reader, never on it hidden behind the library.
      else if (view !== 'reader') return;
      else if (command === 'find') openFind();
      else if (command === 'delete') void edits.requestDelete();
      else if (command === 'undo' || command === 'redo') void edits[command]();
      else tag(command.slice('tag-'.length) as AnnotationType);
    },
    [edits, openFind, session, tag, view],
  );

  useEffect(() => api.onMenuCommand(runCommand), [api, runCommand]);
  useEffect(() => api.onDroppedArticle((result) => session.showDropped(result)), [api, session]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (api.runtime === 'browser' && mod && !event.shiftKey && !event.altKey && (key === 'o' || key === 'e' || key === 'f')) {
        event.preventDefault();
        runCommand(key === 'o' ? 'open' : key === 'e' ? 'export' : 'find');
      } else if (api.runtime === 'browser' && isUndoKey(event)) {
        // As the Edit menu's Undo and Redo in Electron, whose shortcuts reach no text field itself.
        event.preventDefault();
        runCommand(isUndoKey(event)!);
      } else if (event.key === 'Escape') {
        session.select(session.getSnapshot().selectedId, null);
      } else if (isDeleteKey(event) && view === 'reader' && !mount.current?.contains(event.target as Node)) {
        // Not in a form control, nor in a dialog over the reader (the keys overlay): Delete is theirs.
        if (!isFormControl(event.target) && !isInDialog(event.target)) void edits.requestDelete();
      }
    };
    const onDragOver = (event: DragEvent) => event.preventDefault();
    // In Electron the preload opens dropped files; a browser never tells their path.
    const onDrop = (event: DragEvent) => {
      event.preventDefault();
      const file = event.dataTransfer?.files[0];
      if (file && api.runtime === 'browser') session.fail(`${file.name}: browser mode cannot open dropped files; use Open… instead.`);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [api, edits, runCommand, session, view]);

  const choice = state.choice;
  return (
    <div className="app">
      <Toolbar
        api={api}
        onError={(message) => session.fail(message)}
        hasArticle={article !== null && view === 'reader'}
        libraryShown={view === 'library'}
        onLibrary={() => setView(view === 'library' ? 'reader' : 'library')}
        onOpen={() => runCommand('open')}
        onTag={tag}
        onLabels={() => setLabelsShown(true)}
        onExport={() => runCommand('export')}
      />
      <InterchangeBar api={api} session={session} articleId={article?.id ?? null} />
      {article && view === 'reader' && <FileChangedBar article={article} state={fileState} onReopen={() => void session.openFromLibrary(article.source.path)} />}
      {find && article && view === 'reader' && <FindBar text={article.text} from={find.from} initialQuery={find.query} focusRequest={find.request} onShow={showMatches} onClose={closeFind} />}
      {state.message && (
        <div className={`message message-${state.message.kind}`} role={state.message.kind === 'error' ? 'alert' : 'status'}>
          <span>{state.message.text}</span>
          <button type="button" onClick={() => session.dismissMessage()} aria-label="Dismiss message">
            ×
          </button>
        </div>
      )}
      {view === 'library' && <LibraryView library={library} onOpen={(path) => void session.openFromLibrary(path)} onClose={() => setView('reader')} />}
      <div className="workspace" hidden={view === 'library'}>
        <main ref={pane} className="reader-pane" aria-label="Reader">
          {article ? (
            <article className="reader" lang={article.lang ?? undefined} dir={article.dir ?? 'auto'} data-article-id={article.id} data-source-path={article.source.path}>
              <ArticleHeader article={article} onChooseEncoding={(encoding) => void session.reopenWithEncoding(encoding)} />
              <div ref={mount} className="reader-text" />
            </article>
          ) : (
            <p className="empty-reader">Open an article (Ctrl+O) or drop a file here.</p>
          )}
        </main>
        <SideColumn state={side} edits={edits} onSelect={selectFromPanel} />
      </div>
      {menu && (menu.canTag || menu.id) && (
        <ContextMenu
          x={menu.x}
          y={menu.y}
          canTag={menu.canTag}
          annotationId={menu.id}
          canAttribute={state.annotations.some((a) => a.id === menu.id && isAttributable(a.type))}
          onTag={tag}
          onDetails={() => document.getElementById(DETAILS_IDS.type)?.focus()}
          onAttribute={() => document.getElementById(DETAILS_IDS.attributedTo)?.focus()}
          onDelete={() => void edits.requestDelete(menu.id)}
          onClose={closeMenu}
        />
      )}
      {keysShown && (
        <KeysOverlay
          onClose={() => {
            setKeysShown(false);
            reader.focus();
          }}
        />
      )}
      {labelsShown && (
        <LabelsDialog
          store={labelStore}
          onClose={() => {
            setLabelsShown(false);
            reader.focus();
          }}
        />
      )}
      {question && <SourceQuestionDialog pending={question} edits={edits} fallback={() => reader.focus()} />}
      {choice && (
        <OverlapMenu
          annotations={choice.ids.map((id) => state.annotations.find((a) => a.id === id)!).filter(Boolean)}
          x={choice.x}
          y={choice.y}
          onChoose={(id) => {
            session.select(id);
            reader.focus();
          }}
          onClose={() => session.select(state.selectedId, null)}
        />
      )}
    </div>
  );
}

const NO_LINKS: ReadonlySet<string> = new Set();

/** `a` ∪ `b`, reusing one of them (or one shared empty set) when the other adds nothing. */
function unionOf(a: ReadonlySet<string>, b: ReadonlySet<string>): ReadonlySet<string> {
  if (b.size === 0) return a.size === 0 ? NO_LINKS : a;
  if (a.size === 0) return b;
  return new Set([...a, ...b]);
}
