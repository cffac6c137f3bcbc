import { createRoot } from 'react-dom/client';
import { connect } from './api.js';
import { reloadWindow } from './bridge/reload-window.js';
import { App } from './components/App.js';
import { ErrorBoundary } from './components/ErrorBoundary.js';
import { LabelsProvider } from './components/labels/labels-context.js';
import { LabelStore } from './state/label-store.js';
import { LibraryStore } from './state/library-store.js';
import { SessionStore } from './state/session-store.js';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const api = connect();
if (!api) {
  root.render(<p className="empty-reader">Attest's renderer runs inside the Attest app, or from `npm run start:browser`.</p>);
} else {
  const session = new SessionStore(api);
  const labels = new LabelStore(api, { id: () => session.getSnapshot().opened?.article.id ?? null, show: (id, current) => session.showAnnotations(id, current), tell: (text) => session.inform(text) });
  root.render(
    <ErrorBoundary reload={() => reloadWindow(api)}>
      <LabelsProvider store={labels}>
        <App api={api} session={session} library={new LibraryStore(api)} labels={labels} />
      </LabelsProvider>
    </ErrorBoundary>,
  );
  void session.loadInitial();
}
