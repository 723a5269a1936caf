import { describeError } from '../../../shared/errors';
import { useAutomationStore } from './automation-store';

/** The last action the lead asked for that did not happen: what, on which rule or campaign, and the tenant's or engine's reason. */
export function FailureNotice() {
  const failure = useAutomationStore((s) => s.failure);
  const dismiss = useAutomationStore((s) => s.dismissFailure);
  if (!failure) return null;
  const calm = failure.error.kind === 'not_available' || failure.error.kind === 'cancelled';
  return (
    <div className={`notice notice-row ${calm ? 'notice-info' : 'notice-danger'}`} role={calm ? 'status' : 'alert'}>
      <span>
        <strong>{failure.what} did not happen: </strong>
        {describeError(failure.error)}
        {failure.error.kind === 'network' || failure.error.kind === 'timeout' || failure.error.kind === 'server'
          ? ' Nothing was changed by this request; try again once the tenant answers.'
          : null}
      </span>
      <span className="spacer" />
      <button type="button" className="button button-small" onClick={dismiss}>
        Dismiss
      </button>
    </div>
  );
}
