import type { ReactNode } from 'react';

/** A long run under way: what it is, how far it got, a bar, and the way to stop it. */
export function RunProgress(props: { title: ReactNode; detail?: ReactNode; done: number; total: number; progressLabel: string; onCancel: () => void }) {
  const { title, detail, done, total, progressLabel, onCancel } = props;
  return (
    <>
      <div className="notice-row">
        {title}
        {detail}
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <progress max={Math.max(total, 1)} value={done} aria-label={progressLabel} />
    </>
  );
}
