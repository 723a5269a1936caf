import type { Ref } from 'react';
import { describeError, type ConsoleError } from '../../shared/errors';

interface ErrorNoticeProps {
  error: ConsoleError | null;
  title?: string;
  /** For a control that names this notice as the reason it is disabled (aria-describedby). */
  id?: string;
  /** Lets a screen move focus here (made focusable by tabIndex -1) when the control it replaces goes away. */
  ref?: Ref<HTMLDivElement>;
}

/** A failure in place: what happened, to what, and (in the message) what to do. */
export function ErrorNotice({ error, title, id, ref }: ErrorNoticeProps) {
  if (!error) return null;
  const focusable = ref ? { ref, tabIndex: -1 } : {};
  if (error.kind === 'not_available') {
    // Not a failure: this kind of tenant has no such capability; the message says why.
    return (
      <div className="notice notice-info" role="status" id={id} {...focusable}>
        {/not available on this tenant/i.test(error.message) ? null : <strong>Not available on this tenant: </strong>}
        {describeError(error)}
      </div>
    );
  }
  return (
    <div className="notice notice-danger" role="alert" id={id} {...focusable}>
      {title ? <strong>{title}: </strong> : null}
      {describeError(error)}
    </div>
  );
}
