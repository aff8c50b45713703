import { useState } from 'react';
import { openImport, prepareImport, type ImportProgress, type PreparedImport } from '../../data/import-session';
import { downloadBlob, downloadCsv } from '../../export/download';
import { MAX_IMPORT_BYTES } from '../../import/read-file';
import { rejectCounts } from '../../import/validate';
import { useT } from '../../i18n';
import { DateField } from '../shared/DateField';

type PanelState =
  | { kind: 'idle' }
  | { kind: 'working'; progress: ImportProgress }
  | { kind: 'report'; prepared: PreparedImport }
  | { kind: 'error'; message: string }
  | { kind: 'opened'; name: string };

const FIRST_ROWS_SHOWN = 3;

/** Drop or pick a CSV or Parquet register, read the report, then open it in place of the snapshot. */
export function ImportPanel() {
  const { t, number } = useT();
  const [state, setState] = useState<PanelState>({ kind: 'idle' });
  const [asOf, setAsOf] = useState(() => new Date().toISOString().slice(0, 10));
  const [dragging, setDragging] = useState(false);

  const start = async (file: File | undefined) => {
    if (!file) return;
    setState({ kind: 'working', progress: { phase: 'read' } });
    try {
      const prepared = await prepareImport(file, asOf, (progress) => setState({ kind: 'working', progress }));
      setState({ kind: 'report', prepared });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const open = async (prepared: PreparedImport) => {
    try {
      await openImport(prepared);
      setState({ kind: 'opened', name: prepared.fileName });
    } catch (error) {
      setState({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section className="import-panel">
      <h3>{t('import.heading')}</h3>
      <p className="note">{t('import.hint', { limit: MAX_IMPORT_BYTES / 1024 / 1024 })}</p>
      <label className="field inline">
        <span>{t('import.asOf')}</span>
        <DateField value={asOf} testId="import-as-of" onChange={(date) => date && setAsOf(date)} />
      </label>
      <div
        className={dragging ? 'drop-zone dragging' : 'drop-zone'}
        data-testid="drop-zone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          void start(e.dataTransfer.files[0]);
        }}
      >
        <span>{t('import.drop')}</span>
        <label className="action">
          {t('import.choose')}
          <input type="file" accept=".csv,.txt,.tsv,.xlsx,.parquet,text/csv" hidden data-testid="import-file"
            onChange={(e) => {
              void start(e.target.files?.[0]);
              e.target.value = '';
            }} />
        </label>
      </div>

      {state.kind === 'working' && (
        <div role="status" aria-live="polite" data-testid="import-progress">
          <p>{t(`import.phase.${state.progress.phase}`)}
            {state.progress.total ? ` ${number(state.progress.done ?? 0)} / ${number(state.progress.total)}` : ''}</p>
          <progress max={state.progress.total ?? 1} value={state.progress.total ? state.progress.done : undefined} />
        </div>
      )}
      {state.kind === 'error' && (
        <p className="error" role="alert" data-testid="import-error">{t('import.failed', { message: state.message })}</p>
      )}
      {state.kind === 'opened' && <p className="note" data-testid="import-opened">{t('import.opened', { name: state.name })}</p>}
      {state.kind === 'report' && <ImportReport prepared={state.prepared} onOpen={() => void open(state.prepared)}
        onDiscard={() => setState({ kind: 'idle' })} />}
    </section>
  );
}

function ImportReport({ prepared, onOpen, onDiscard }: { prepared: PreparedImport; onOpen: () => void; onDiscard: () => void }) {
  const { t, number } = useT();
  const { result, manifest } = prepared;
  return (
    <div className="import-report" data-testid="import-report">
      <dl className="facts">
        <div><dt>{t('data.input')}</dt><dd data-testid="import-input">{number(result.inputRows)}</dd></div>
        <div><dt>{t('data.accepted')}</dt><dd data-testid="import-accepted">{number(result.accepted.length)}</dd></div>
        <div><dt>{t('data.rejected')}</dt><dd data-testid="import-rejected">{number(result.rejects.length)}</dd></div>
        <div><dt>{t('import.located')}</dt><dd>{t('import.precision', {
          place: number(result.precision.place), district: number(result.precision.district),
          state: number(result.precision.state), unlocated: number(result.precision.unlocated),
        })}</dd></div>
      </dl>
      {rejectCounts(result.rejects).map(({ code, rows }) => (
        <details key={code} className="reject-group">
          <summary>{t(`import.reason.${code}`)}: {number(rows)}</summary>
          <ul>
            {result.rejects.filter((r) => r.code === code).slice(0, FIRST_ROWS_SHOWN).map((r) => (
              <li key={r.row}>{t('import.row', { row: r.row })} · {r.column} · {r.reason}</li>
            ))}
          </ul>
        </details>
      ))}
      {result.unlocated.length > 0 && (
        <>
          <h4>{t('import.unlocated')}</h4>
          <table className="unlocated" data-testid="import-unlocated">
            <tbody>
              {result.unlocated.map((u) => (
                <tr key={`${u.name}|${u.state ?? ''}`}>
                  <td>{u.name}</td>
                  <td>{u.state ?? '–'}</td>
                  <td className="num">{number(u.rows)}</td>
                  <td>{u.suggestions.length ? t('import.suggestions', { names: u.suggestions.join(', ') }) : t('import.noSuggestion')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {result.transliterated.length > 0 && (
        <p className="note">{t('import.transliterated', {
          names: result.transliterated.map((m) => `${m.from} → ${m.to}`).join(', '),
        })}</p>
      )}
      {result.ignoredColumns.length > 0 && (
        <p className="note">{t('import.ignored', { columns: result.ignoredColumns.join(', ') })}</p>
      )}
      <div className="actions">
        <button type="button" className="action primary" onClick={onOpen} disabled={result.accepted.length === 0}
          data-testid="import-open">{t('import.open', { n: number(result.accepted.length) })}</button>
        <button type="button" className="action" data-testid="import-rejects" disabled={result.rejects.length === 0}
          onClick={() => downloadCsv(`${manifest.name}-rejects.csv`, prepared.rejectsCsv)}>{t('import.downloadRejects')}</button>
        <button type="button" className="action" data-testid="import-parquet"
          onClick={() => downloadBlob(`${manifest.name}.parquet`, new Blob([prepared.parquet as BlobPart], { type: 'application/vnd.apache.parquet' }))}>
          {t('import.downloadParquet')}
        </button>
        <button type="button" className="action" onClick={onDiscard}>{t('import.discard')}</button>
      </div>
    </div>
  );
}
