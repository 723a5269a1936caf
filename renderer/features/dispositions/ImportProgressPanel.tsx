import { useEffect, useState } from 'react';
import type { ImportProgress } from '../../../shared/dispositions/import-progress';
import { useDispositionsStore } from './dispositions-store';

const stateLabels: Record<ImportProgress['state'], string> = {
  running: 'Running',
  paused: 'Paused',
  waiting_for_tenant: 'Waiting for the tenant',
  finished: 'Finished',
  cancelled: 'Cancelled',
  interrupted: 'Stopped — resumes on restart',
};

export const formatEta = (seconds: number | null) => {
  if (seconds === null) return '—';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.ceil(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

/** The clock, re-read every second while `active`: the countdown moves between progress events. */
function useSecondTicks(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Only contacts on a call are left: how many, the countdown to their next try, and the way out. */
function BusyTailNotice({ tail }: { tail: NonNullable<ImportProgress['busyTail']> }) {
  const control = useDispositionsStore((s) => s.control);
  const now = useSecondTicks(true);
  const retryIn = tail.retryAt === null ? null : Math.max(0, Math.ceil((Date.parse(tail.retryAt) - now) / 1000));
  return (
    <div className="notice notice-warn notice-row dispo-busy-tail" role="status" aria-live="polite">
      <span>
        <strong className="num">{tail.contacts}</strong> {tail.contacts === 1 ? 'contact' : 'contacts'} on a call —{' '}
        {retryIn === null || retryIn === 0 ? (
          'retrying now'
        ) : (
          <>
            retrying in <span className="num">{retryIn}</span> s
          </>
        )}
      </span>
      <span className="muted">Everything else is done. Still on a call at the end, they are kept for a later retry.</span>
      <span className="spacer" />
      <button type="button" className="button" onClick={() => void control('finishNow')}>
        Finish now
      </button>
    </div>
  );
}

/** Rows done, rate, ETA and counts of the import (or dry run) in progress, with its controls. */
export function ImportProgressPanel({ progress }: { progress: ImportProgress }) {
  const control = useDispositionsStore((s) => s.control);
  const cancelDryRun = useDispositionsStore((s) => s.cancelDryRun);
  const isDryRun = progress.kind === 'dry_run';
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100;
  const c = progress.counts;
  return (
    <section className="panel dispo-progress" aria-labelledby="dispo-progress-title">
      <div className="notice-row">
        <h2 id="dispo-progress-title">{isDryRun ? 'Dry run: reading contacts' : 'Applying dispositions'}</h2>
        <span className={`badge ${progress.state === 'waiting_for_tenant' ? 'badge-warn' : progress.state === 'paused' ? 'badge-neutral' : 'badge-info'}`}>
          {stateLabels[progress.state]}
        </span>
        <span className="spacer" />
        {isDryRun ? (
          <button type="button" className="button" onClick={() => void cancelDryRun()}>
            Cancel dry run
          </button>
        ) : (
          <>
            {progress.state === 'paused' ? (
              <button type="button" className="button button-primary" onClick={() => void control('resume')}>
                Resume
              </button>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => void control('pause')}
                disabled={progress.state !== 'running' && progress.state !== 'waiting_for_tenant'}
              >
                Pause
              </button>
            )}
            <button type="button" className="button" onClick={() => void control('cancel')}>
              Cancel import
            </button>
          </>
        )}
      </div>
      <progress max={progress.total} value={progress.done} aria-label={`${progress.done} of ${progress.total} rows`} />
      <p role="status" className="dispo-progress-figures">
        <span className="num">{progress.done.toLocaleString()}</span> of <span className="num">{progress.total.toLocaleString()}</span> rows ({percent}%) ·{' '}
        {progress.ratePerSecond.toFixed(1)} rows/s · ETA {progress.state === 'running' && !progress.busyTail ? formatEta(progress.etaSeconds) : '—'}
        {progress.note && !progress.busyTail ? <> · {progress.note}</> : null}
      </p>
      {progress.busyTail && progress.state === 'running' ? <BusyTailNotice tail={progress.busyTail} /> : null}
      <dl className="dispo-counts">
        <dt>{isDryRun ? 'Would apply' : 'Applied'}</dt>
        <dd className="num">{c.applied}</dd>
        <dt>Already so</dt>
        <dd className="num">{c.noop}</dd>
        <dt>{isDryRun ? 'Busy now' : 'On a call, retrying'}</dt>
        <dd className="num">{c.waitingBusy}</dd>
        <dt>{isDryRun ? 'Not found / failed' : 'Failed'}</dt>
        <dd className={c.failed > 0 ? 'num text-danger' : 'num'}>{c.failed}</dd>
        <dt>Pending</dt>
        <dd className="num">{c.pending}</dd>
      </dl>
    </section>
  );
}
