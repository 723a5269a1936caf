import { useState, type FormEvent } from 'react';
import { useAppStore } from '../../app/app-store';
import { useDispositionsStore } from './dispositions-store';

/**
 * The renderer names a file on disk only through what the lead chose: in the desktop app
 * main's own dialog, in the browser mode a typed path the lead confirms. A file picked here
 * can also be sent to main in chunks (both shells).
 */
export function FileChooser() {
  const openPath = useDispositionsStore((s) => s.openPath);
  const pickAndOpen = useDispositionsStore((s) => s.pickAndOpen);
  const desktop = useAppStore((s) => s.appInfo?.shell === 'electron');
  const [confirming, setConfirming] = useState<string | null>(null);
  const openUpload = useDispositionsStore((s) => s.openUpload);
  const opening = useDispositionsStore((s) => s.opening);
  const openDemoSample = useDispositionsStore((s) => s.openDemoSample);
  const onDemo = useAppStore((s) => s.tenant?.isDemo === true);
  const [path, setPath] = useState('');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) setConfirming(path.trim());
  };

  return (
    <div className="panel dispo-chooser">
      <h2>Choose a disposition file (CSV)</h2>
      {desktop ? (
        <div className="dispo-chooser-row">
          <span className="dispo-chooser-label">A file on this computer</span>
          <button type="button" className="button button-primary" disabled={opening !== null} onClick={() => void pickAndOpen()}>
            Choose file…
          </button>
        </div>
      ) : confirming ? (
        <div className="dispo-chooser-row notice notice-warn" role="alertdialog" aria-labelledby="dispo-confirm-text">
          <span id="dispo-confirm-text">
            The console will read <strong>{confirming}</strong> from this computer. Open it?
          </span>
          <button
            type="button"
            className="button button-primary"
            autoFocus
            onClick={() => {
              setConfirming(null);
              void openPath(confirming);
            }}
          >
            Open this file
          </button>
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      ) : (
        <form className="dispo-chooser-row" onSubmit={submit}>
          <label htmlFor="dispo-path">File path on this computer</label>
          <input
            id="dispo-path"
            className="dispo-path"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/lead/exports/dispositions.csv"
            spellCheck={false}
            disabled={opening !== null}
          />
          <button type="submit" className="button button-primary" disabled={opening !== null || path.trim() === ''}>
            Open
          </button>
        </form>
      )}
      <div className="dispo-chooser-row">
        <label htmlFor="dispo-file">Or pick a file</label>
        <input
          id="dispo-file"
          type="file"
          accept=".csv,text/csv,text/plain"
          disabled={opening !== null}
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void openUpload(file);
            e.target.value = '';
          }}
        />
      </div>
      {onDemo ? (
        <div className="dispo-chooser-row">
          <span className="dispo-chooser-label">No file yet?</span>
          <button type="button" className="button" disabled={opening !== null} onClick={() => void openDemoSample()}>
            Open a sample file from the demo tenant
          </button>
          <span className="muted">About 200 of its contacts, plus a few rows with problems to fix.</span>
        </div>
      ) : null}
      {opening ? (
        <p role="status" className="muted">
          Reading {opening.label}
          {opening.totalBytes > 0 ? ` — sent ${formatBytes(opening.sentBytes)} of ${formatBytes(opening.totalBytes)}` : ''}…
        </p>
      ) : (
        <p className="muted keyboard-hint">
          Columns are matched by header: campaign_id, contact_id, outcome_code, agent_id, disposition_timestamp, notes. You confirm or fix the mapping next.
        </p>
      )}
    </div>
  );
}

export const formatBytes = (bytes: number) =>
  bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : bytes >= 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${bytes} B`;
