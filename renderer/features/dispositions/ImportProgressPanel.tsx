import { useEffect, useState } from 'react';
import type { ImportJobState } from '../../../shared/dispositions/import-job';
import type { RunDetailOf, RunProgressOf } from '../../../shared/runs/run-progress';
import { formatEta, formatRate, RunProgress } from '../../components/RunProgress';
import { useDispositionsStore } from './dispositions-store';

const stateLabels: Record<ImportJobState, string> = {
  running: 'Running',
  paused: 'Paused',
  waiting_for_tenant: 'Waiting for the tenant',
  finished: 'Finished',
  cancelled: 'Cancelled',
  interrupted: 'Stopped — resumes on restart',
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
function BusyTailNotice({ tail }: { tail: NonNullable<RunDetailOf<'import'>['busyTail']> }) {
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
export function ImportProgressPanel({ progress }: { progress: RunProgressOf<'import'> }) {
  const control = useDispositionsStore((s) => s.control);
  const cancelDryRun = useDispositionsStore((s) => s.cancelDryRun);
  const { mode, jobState, busyTail } = progress.detail;
  const isDryRun = mode === 'dry_run';
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 100;
  const c = progress.counts;
  return (
    <section className="panel dispo-progress" aria-labelledby="dispo-progress-title">
      <RunProgress
        progress={progress}
        title={<h2 id="dispo-progress-title">{isDryRun ? 'Dry run: reading contacts' : 'Applying dispositions'}</h2>}
        detail={
          <span className={`badge ${jobState === 'waiting_for_tenant' ? 'badge-warn' : jobState === 'paused' ? 'badge-neutral' : 'badge-info'}`}>
            {stateLabels[jobState]}
          </span>
        }
        progressLabel={`${progress.done} of ${progress.total} rows`}
        actions={
          isDryRun ? (
            <button type="button" className="button" onClick={() => void cancelDryRun()}>
              Cancel dry run
            </button>
          ) : (
            <>
              {jobState === 'paused' ? (
                <button type="button" className="button button-primary" onClick={() => void control('resume')}>
                  Resume
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  onClick={() => void control('pause')}
                  disabled={jobState !== 'running' && jobState !== 'waiting_for_tenant'}
                >
                  Pause
                </button>
              )}
              <button type="button" className="button" onClick={() => void control('cancel')}>
                Cancel import
              </button>
            </>
          )
        }
      >
        <p role="status" className="dispo-progress-figures">
          <span className="num">{progress.done.toLocaleString()}</span> of <span className="num">{progress.total.toLocaleString()}</span> rows ({percent}%) ·{' '}
          {formatRate(progress, 'rows')} · ETA {jobState === 'running' && !busyTail ? formatEta(progress.etaMs) : '—'}
          {progress.note && !busyTail ? <> · {progress.note}</> : null}
        </p>
        {busyTail && jobState === 'running' ? <BusyTailNotice tail={busyTail} /> : null}
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
      </RunProgress>
    </section>
  );
}
