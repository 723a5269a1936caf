import { describeError, type ConsoleError } from '../../shared/errors';

/** A failure in place: what happened, to what, and (in the message) what to do. */
export function ErrorNotice({ error, title }: { error: ConsoleError | null; title?: string }) {
  if (!error) return null;
  if (error.kind === 'not_available') {
    // Not a failure: this kind of tenant has no such capability; the message says why.
    return (
      <div className="notice notice-info" role="status">
        {/not available on this tenant/i.test(error.message) ? null : <strong>Not available on this tenant: </strong>}
        {describeError(error)}
      </div>
    );
  }
  return (
    <div className="notice notice-danger" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {describeError(error)}
    </div>
  );
}
