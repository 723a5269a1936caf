import { describeError, type ConsoleError } from '../../../shared/errors';

/** This build has no automation engine, or no tenant is connected to run it for: said calmly, with what still works. */
export function AutomationUnavailable({ error }: { error: ConsoleError | null }) {
  return (
    <div className="notice notice-info auto-unavailable" role="status">
      <strong>{error?.kind === 'configuration' ? 'Automation is waiting for a tenant.' : 'Automation is not available here.'}</strong>{' '}
      {error ? describeError(error) : null}
      <p>
        No rule pauses, resumes or re-paces any campaign from this app. Pause and resume campaigns from the Campaigns screen; the emergency pause works as
        usual.
      </p>
    </div>
  );
}
