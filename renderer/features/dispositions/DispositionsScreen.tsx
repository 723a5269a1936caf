import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BatchGrid } from './BatchGrid';
import { FileChooser, formatBytes } from './FileChooser';
import { ImportJobsList } from './ImportJobsList';
import { ImportProgressPanel } from './ImportProgressPanel';
import { ImportReportPanel } from './ImportReportPanel';
import { MappingPanel } from './MappingPanel';
import { useDispositionsStore } from './dispositions-store';

export function DispositionsScreen() {
  const start = useDispositionsStore((s) => s.start);
  const overview = useDispositionsStore((s) => s.overview);
  const progress = useDispositionsStore((s) => s.progress);
  const report = useDispositionsStore((s) => s.report);
  const dryRun = useDispositionsStore((s) => s.dryRun);
  const dryRunning = useDispositionsStore((s) => s.dryRunning);
  const reimportOf = useDispositionsStore((s) => s.reimportOf);
  const error = useDispositionsStore((s) => s.error);
  const runDryRun = useDispositionsStore((s) => s.runDryRun);
  const apply = useDispositionsStore((s) => s.apply);
  const declineReimport = useDispositionsStore((s) => s.declineReimport);
  const close = useDispositionsStore((s) => s.close);
  const setFilter = useDispositionsStore((s) => s.setFilter);
  useEffect(() => start(), [start]);

  const applying = progress !== null && progress.detail.mode === 'apply';
  const busy = applying || dryRunning;
  const blocked = overview ? overview.fileProblems.length > 0 || overview.counts.willApply === 0 : true;

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Dispositions</h1>
        <span className="muted">Import disposition files prepared offline: every row applied once, nothing lost.</span>
      </header>
      <ErrorNotice error={error} title="Import problem" />
      <ImportJobsList />
      {progress ? <ImportProgressPanel progress={progress} /> : null}
      {report ? <ImportReportPanel report={report} /> : null}
      {!overview ? (
        <FileChooser />
      ) : (
        <>
          <div className="panel dispo-file">
            <div className="notice-row">
              <h2>{overview.fileName}</h2>
              <span className="muted">
                {formatBytes(overview.sizeBytes)} · {overview.encoding} · {overview.counts.total.toLocaleString()} rows · hash{' '}
                <span className="mono">{overview.contentHash.slice(0, 12)}</span> · outcomes from{' '}
                {overview.outcomeMatrixSource === 'tenant' ? "the tenant's wrap-up codes" : 'the default matrix'}
              </span>
              <span className="spacer" />
              <button type="button" className="button" onClick={close} disabled={busy}>
                Choose another file
              </button>
            </div>
            {overview.fileProblems.map((problem) => (
              <p key={problem} className="notice notice-danger" role="alert">
                {problem}
              </p>
            ))}
            {overview.unread ? (
              <div className="notice notice-danger" role="alert">
                <p>{overview.unread.message}</p>
                <p>
                  {overview.counts.total - 1 > 0
                    ? `The ${(overview.counts.total - 1).toLocaleString()} rows before line ${overview.unread.line} can be checked and applied; the import report lists line ${overview.unread.line} as not read.`
                    : 'No row before it could be read, so nothing can be applied from this file.'}{' '}
                  <button type="button" className="button" onClick={() => setFilter('invalid')}>
                    Show line {overview.unread.line}
                  </button>
                </p>
              </div>
            ) : null}
            {overview.previousImport && !reimportOf ? (
              <p className="notice notice-warn">
                This file (same content) was imported before, on {new Date(overview.previousImport.startedAt).toLocaleString()} (
                {overview.previousImport.counts.applied} applied, {overview.previousImport.state}). Applying it again asks for confirmation.
              </p>
            ) : null}
          </div>
          <MappingPanel overview={overview} disabled={busy} />
          <div className="toolbar dispo-actions">
            <span>
              <strong className="num">{overview.counts.willApply.toLocaleString()}</strong> will apply ·{' '}
              <strong className={overview.counts.invalid > 0 ? 'num text-danger' : 'num'}>{overview.counts.invalid.toLocaleString()}</strong> invalid ·{' '}
              <strong className="num">{overview.counts.willSkip.toLocaleString()}</strong> will skip
              {overview.counts.edited > 0 ? ` · ${overview.counts.edited} edited` : ''}
            </span>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => void runDryRun()} disabled={busy || blocked}>
              Dry run against the tenant
            </button>
            <button type="button" className="button button-primary" onClick={() => void apply(false)} disabled={busy || blocked}>
              Apply {overview.counts.willApply.toLocaleString()} rows
            </button>
          </div>
          {overview.counts.invalid > 0 ? (
            <p className="muted keyboard-hint">Invalid rows are not sent: fix them in the grid, or apply the valid rows and export the rest from the report.</p>
          ) : null}
          {reimportOf ? (
            <div className="notice notice-warn" role="alertdialog" aria-labelledby="reimport-title">
              <strong id="reimport-title">Import the same file again?</strong> It was imported on {new Date(reimportOf.startedAt).toLocaleString()} with{' '}
              {reimportOf.counts.applied} rows applied. Rows whose contacts already have the outcome are skipped as no-ops.
              <div className="actions">
                <button type="button" className="button button-primary" onClick={() => void apply(true)}>
                  Yes, import again
                </button>
                <button type="button" className="button" autoFocus onClick={declineReimport}>
                  No
                </button>
              </div>
            </div>
          ) : null}
          {dryRun ? (
            <p className="notice notice-info" role="status">
              Dry run {dryRun.cancelled ? '(cancelled) ' : ''}read {dryRun.total} contacts: {dryRun.counts.will_apply} would change, {dryRun.counts.noop}{' '}
              already so (skipped), {dryRun.counts.busy} busy with the dialer now (retried during the import), {dryRun.counts.not_found} not found,{' '}
              {dryRun.counts.failed} could not be read.
            </p>
          ) : null}
          <BatchGrid overview={overview} locked={busy} />
        </>
      )}
    </section>
  );
}
