import { useSettingsStore } from './settings-store';

/** Diagnostics: the last requests the client made, secrets already redacted by main. */
export function RequestLogTable() {
  const entries = useSettingsStore((s) => s.requestLog);
  return (
    <section className="panel" aria-labelledby="request-log-title">
      <h2 id="request-log-title">Diagnostics: recent tenant requests</h2>
      {/* Focusable so the keyboard can scroll it (it scrolls once the log is long). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Recent tenant requests">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col" className="num">
                Status
              </th>
              <th scope="col" className="num">
                Attempt
              </th>
              <th scope="col" className="num">
                Latency ms
              </th>
              <th scope="col">Error</th>
            </tr>
          </thead>
          <tbody>
            {entries.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  No requests yet.
                </td>
              </tr>
            ) : (
              entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`}>
                  <td>{new Date(entry.at).toLocaleTimeString()}</td>
                  <td>{entry.method}</td>
                  <td className="mono">{entry.path}</td>
                  <td className={`num ${entry.status && entry.status >= 400 ? 'text-danger' : ''}`}>{entry.status ?? '—'}</td>
                  <td className="num">{entry.attempt}</td>
                  <td className="num">{Math.round(entry.latencyMs)}</td>
                  <td>{entry.error ?? ''}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
