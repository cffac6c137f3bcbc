import { useState } from 'react';
import { importSummary, type ExportFormat, type ExportScope, type ImportReport } from '../../../app/core/formats/interchange.js';
import type { AttestApi } from '../../../app/core/ipc.js';
import type { SessionStore } from '../state/session-store.js';

/** The export formats as the selects name them. */
export const FORMAT_NAMES: Readonly<Record<ExportFormat, string>> = {
  json: 'Annotated JSON',
  w3c: 'W3C Web Annotation (JSON-LD)',
  csv: 'CSV (spreadsheet)',
  brat: 'brat standoff (folder)',
};

/** The report of an import in one sentence for the analyst (`importSummary`, with typographic quotes). */
function importSentence(report: ImportReport): string {
  const line = importSummary(report, (title) => `“${title}”`);
  return `${line[0].toUpperCase()}${line.slice(1)}.`;
}

/**
 * Export and import: the export format and scope (the open article, or the whole library), the
 * Export… button (`SessionStore.exportArticle`: main asks where), Import… (main asks for the file,
 * `annotations:import`, then the open article is shown as it now is), a progress bar while main
 * works, and the outcome as a status line.
 */
export function InterchangeBar({ api, session, articleId }: { api: AttestApi; session: SessionStore; articleId: string | null }) {
  const [format, setFormat] = useState<ExportFormat>('json');
  const [scope, setScope] = useState<ExportScope>('article');
  const [busy, setBusy] = useState<'Exporting' | 'Importing' | null>(null);
  const [outcome, setOutcome] = useState<{ text: string; details: string[] } | null>(null);

  const run = async (kind: 'Exporting' | 'Importing', work: () => Promise<void>) => {
    // One at a time: a press while one runs does nothing (the button stays focusable, so the
    // keyboard's place is kept). A message an earlier attempt left is stale once another starts.
    if (busy !== null) return;
    setBusy(kind);
    setOutcome(null);
    session.dismissMessage();
    try {
      await work();
    } finally {
      setBusy(null);
    }
  };
  const exportNow = () =>
    run('Exporting', async () => {
      const path = await session.exportArticle(format, scope);
      if (path) setOutcome({ text: `Exported ${scope === 'library' ? 'the library' : 'the article'} as ${FORMAT_NAMES[format]} to ${path}`, details: [] });
    });
  const importNow = () =>
    run('Importing', async () => {
      const result = await api.invoke('annotations:import', { articleId });
      if (!result.ok) return session.fail(result.error.message);
      if (!result.value) return;
      const { report, opened } = result.value;
      if (opened) session.showDropped({ ok: true, value: opened });
      setOutcome({ text: importSentence(report), details: [...report.orphaned.map((o) => `Orphan ${o.id}: ${o.reason}`), ...report.skipped.map((s) => `Not read ${s.id}: ${s.reason}`), ...report.droppedLinks.map((l) => `Link dropped ${l.id} → ${l.target}: ${l.reason}`), ...report.reversedLinks.map((l) => `Link read the other way round ${l.id} → ${l.target}: ${l.reason}`), ...report.changed.map((c) => `Changed ${c.id}: ${c.reason}`)] });
    });

  return (
    <section className="interchange" aria-label="Export and import">
      <label>
        Export format{' '}
        <select value={format} onChange={(event) => setFormat(event.target.value as ExportFormat)}>
          {(Object.keys(FORMAT_NAMES) as ExportFormat[]).map((f) => (
            <option key={f} value={f}>
              {FORMAT_NAMES[f]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Export scope{' '}
        <select value={scope} onChange={(event) => setScope(event.target.value as ExportScope)}>
          <option value="article">This article</option>
          <option value="library">Whole library</option>
        </select>
      </label>
      <button type="button" onClick={() => void exportNow()} disabled={!articleId} aria-disabled={busy !== null}>
        Export…
      </button>
      <button type="button" onClick={() => void importNow()} aria-disabled={busy !== null} title="Import annotations from Attest JSON or W3C Web Annotation">
        Import…
      </button>
      {busy && <progress aria-label={`${busy}…`} />}
      {outcome && (
        <div className="interchange-outcome" role="status">
          <span>{outcome.text}</span>
          {outcome.details.length > 0 && (
            <ul>
              {outcome.details.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
