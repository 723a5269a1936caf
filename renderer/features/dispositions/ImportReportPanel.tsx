import { useState } from 'react';
import type { ImportReport } from '../../../shared/dispositions/import-report';
import { useDispositionsStore } from './dispositions-store';

const resultLabels = {
  noop: 'Already so',
  rejected: 'Rejected',
  superseded: 'Superseded',
  failed: 'Failed',
  not_sent: 'Not sent',
  waiting: 'On a call — waiting',
} as const;
const shownProblems = 500;

function download(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The result of an import: counts, latency, opt-outs, and every row not applied with its reason. */
export function ImportReportPanel({ report }: { report: ImportReport }) {
  const exportUnapplied = useDispositionsStore((s) => s.exportUnapplied);
  const retryBusy = useDispositionsStore((s) => s.retryBusy);
  const [savedTo, setSavedTo] = useState<string | null>(null);
  const c = report.counts;
  const needsAttention = c.rejected + c.superseded + c.failed + c.pending > 0;
  return (
    <section className="panel dispo-report" aria-labelledby="dispo-report-title">
      <div className="notice-row">
        <h2 id="dispo-report-title">Import report — {report.fileName}</h2>
        <span className={`badge ${report.state === 'finished' && !needsAttention ? 'badge-ok' : report.state === 'finished' ? 'badge-warn' : 'badge-neutral'}`}>
          {report.state === 'finished'
            ? needsAttention
              ? 'Finished with rows not applied'
              : 'Finished: every row applied or already so'
            : report.state === 'cancelled'
              ? 'Cancelled'
              : 'Stopped'}
        </span>
        <span className="spacer" />
        {report.state === 'finished' && c.waitingBusy > 0 ? (
          <button type="button" className="button button-primary" onClick={() => void retryBusy()}>
            Retry {c.waitingBusy === 1 ? 'the contact' : `the ${c.waitingBusy} contacts`} on a call
          </button>
        ) : null}
        <button
          type="button"
          className="button"
          disabled={report.problems.length === 0}
          onClick={() =>
            void exportUnapplied().then((file) => {
              if (!file) return;
              download(file.fileName, file.csv);
              setSavedTo(file.path);
            })
          }
        >
          Export rows not applied (CSV)
        </button>
      </div>
      {savedTo ? (
        <p className="muted" role="status">
          Also saved to {savedTo}
        </p>
      ) : null}
      {report.state === 'finished' && c.waitingBusy > 0 ? (
        <p className="notice notice-warn" role="status">
          {c.waitingBusy === 1 ? '1 contact was' : `${c.waitingBusy} contacts were`} on a call until the end and {c.waitingBusy === 1 ? 'is' : 'are'} waiting:
          nothing was sent for {c.waitingBusy === 1 ? 'it' : 'them'}. Retry once the calls have ended; only{' '}
          {c.waitingBusy === 1 ? 'that row is' : 'those rows are'} sent.
        </p>
      ) : null}
      <table className="table dispo-report-counts">
        <caption className="sr-only">Rows by result</caption>
        <thead>
          <tr>
            <th scope="col" className="num">
              Applied
            </th>
            <th scope="col" className="num">
              Skipped (already so)
            </th>
            <th scope="col" className="num">
              Rejected (invalid)
            </th>
            <th scope="col" className="num">
              Superseded
            </th>
            <th scope="col" className="num">
              Failed
            </th>
            <th scope="col" className="num">
              On a call (waiting)
            </th>
            <th scope="col" className="num">
              Not sent
            </th>
            <th scope="col" className="num">
              Latency p50
            </th>
            <th scope="col" className="num">
              Latency p95
            </th>
            <th scope="col" className="num">
              Wall time
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="num">{c.applied}</td>
            <td className="num">{c.noop}</td>
            <td className={c.rejected ? 'num text-danger' : 'num'}>{c.rejected}</td>
            <td className="num">{c.superseded}</td>
            <td className={c.failed ? 'num text-danger' : 'num'}>{c.failed}</td>
            <td className="num">{c.waitingBusy}</td>
            <td className="num">{c.pending - c.waitingBusy}</td>
            <td className="num">{report.latencyMs.p50 === null ? '—' : `${report.latencyMs.p50} ms`}</td>
            <td className="num">{report.latencyMs.p95 === null ? '—' : `${report.latencyMs.p95} ms`}</td>
            <td className="num">{(report.wallMs / 1000).toFixed(1)} s</td>
          </tr>
        </tbody>
      </table>
      <p className="muted">
        {report.notificationsQueued > 0
          ? `${report.notificationsQueued} CRM ${report.notificationsQueued === 1 ? 'notification' : 'notifications'} queued. `
          : 'No CRM URL configured: no notifications sent. '}
        {report.suppressed.length > 0
          ? `${report.suppressed.length} DO_NOT_CALL ${report.suppressed.length === 1 ? 'number' : 'numbers'} added to the local suppression list: ${report.suppressed.map((s) => s.phone).join(', ')}.`
          : 'No DO_NOT_CALL rows.'}
      </p>
      {report.warnings.length > 0 ? (
        <div className="notice notice-warn" role="alert">
          <strong>Applied, with something left to do:</strong>
          <ul className="dispo-warnings">
            {report.warnings.slice(0, 50).map((warning, index) => (
              <li key={`${warning.line}-${index}`}>
                Line {warning.line} ({warning.campaignId}/{warning.contactId}): {warning.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.problems.length > 0 ? (
        <div className="table-scroll report-table">
          <table className="table">
            <caption className="sr-only">Rows not applied</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Line
                </th>
                <th scope="col">Contact</th>
                <th scope="col">Outcome</th>
                <th scope="col">Result</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.slice(0, shownProblems).map((problem) => (
                <tr key={`${problem.line}-${problem.result}`}>
                  <td className="num">{problem.line}</td>
                  <td className="mono">
                    {problem.campaignId === '' && problem.contactId === '' ? (
                      <span className="muted">not read</span>
                    ) : (
                      `${problem.campaignId}/${problem.contactId}`
                    )}
                  </td>
                  <td className="mono">{problem.outcomeCode}</td>
                  <td>{resultLabels[problem.result]}</td>
                  <td>{problem.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {report.problems.length > shownProblems ? (
            <p className="muted">
              Showing {shownProblems} of {report.problems.length}; the export has every row.
            </p>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
