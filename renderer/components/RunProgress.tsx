import type { ReactNode } from 'react';
import type { RunProgress as RunProgressValue } from '../../shared/runs/run-progress';

/** Items per second, e.g. "12.5/s" or, with a unit, "12.5 rows/s". */
export const formatRate = (progress: Pick<RunProgressValue, 'ratePerSecond'>, unit?: string) =>
  `${(progress.ratePerSecond ?? 0).toFixed(1)}${unit ? ` ${unit}` : ''}/s`;

/** Time left in words a person reads at a glance; "—" while it is not known. */
export const formatEta = (etaMs: number | undefined) => {
  if (etaMs === undefined) return '—';
  const seconds = etaMs / 1000;
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} min ${Math.ceil(seconds % 60)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
};

/**
 * A long run under way: what it is, how far it got (figures from its RunProgress), a bar,
 * and the way to stop it: a Cancel button, or the run's own controls in `actions`.
 */
export function RunProgress(
  props: {
    progress: Pick<RunProgressValue, 'done' | 'total'>;
    title: ReactNode;
    detail?: ReactNode;
    progressLabel: string;
    children?: ReactNode;
  } & ({ onCancel: () => void; actions?: never } | { actions: ReactNode; onCancel?: never }),
) {
  const { progress, title, detail, progressLabel, onCancel, actions, children } = props;
  return (
    <>
      <div className="notice-row">
        {title}
        {detail}
        <span className="spacer" />
        {actions ?? (
          <button type="button" className="button button-small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
      <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={progressLabel} />
      {children}
    </>
  );
}
