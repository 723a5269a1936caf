import { describeError, type ConsoleError } from '../../shared/errors';

/** A failure in place: what happened, to what, and (in the message) what to do. */
export function ErrorNotice({ error, title }: { error: ConsoleError | null; title?: string }) {
  if (!error) return null;
  return (
    <div className="notice notice-danger" role="alert">
      {title ? <strong>{title}: </strong> : null}
      {describeError(error)}
    </div>
  );
}
