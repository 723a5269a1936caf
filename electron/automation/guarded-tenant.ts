import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { CampaignsPort } from '../tenant/ports';

/** What a write refused because the runner stops says (the engine counts such a decision as skipped). */
export const stoppingMessage = 'Automation is stopping';
/** What a write refused because a person cancelled the run says (counted as skipped, like a stop). */
export const cancelledMessage = 'The run was cancelled';
/** What a resume refused while the emergency pause holds campaigns says (counted as skipped, like a stop). */
export const emergencyHoldMessage = 'The emergency pause is in force';

export interface WriteGuard {
  /** A dry run: every write is refused before it is sent. */
  dryRun: boolean;
  /** True once the runner is stopping: a write already sent finishes, no new one starts. */
  stopping(): boolean;
  /** True once a person cancelled this tick: a write already sent finishes, no new one starts. */
  cancelled?: () => boolean;
  ruleTitle: string;
  /** True while the emergency pause holds campaigns on this tenant: no rule resumes anything until a person lifts it. */
  emergencyInForce?: () => boolean;
}

/**
 * The tenant's campaigns as a rule sees them during a tick: reads pass through the one client and
 * rate limiter; writes are refused on a dry run (whatever the rule does, it cannot change the tenant)
 * and once the runner stops (the write in flight finishes, the next is not sent).
 */
export function guardedCampaigns(campaigns: CampaignsPort, guard: WriteGuard): CampaignsPort {
  const beforeWrite = (what: string) => {
    if (guard.dryRun) {
      throw new ConsoleFailure(consoleError('internal', `A dry run writes nothing: the ${guard.ruleTitle} rule tried to ${what}, and it was not sent.`));
    }
    if (guard.stopping()) {
      throw new ConsoleFailure(consoleError('cancelled', `${stoppingMessage}: ${what} was not sent.`));
    }
    if (guard.cancelled?.()) {
      throw new ConsoleFailure(consoleError('cancelled', `${cancelledMessage}: ${what} was not sent.`));
    }
  };
  return {
    list: (query, signal) => campaigns.list(query, signal),
    get: (id, signal) => campaigns.get(id, signal),
    async create(definition, signal) {
      beforeWrite('create a campaign');
      return campaigns.create(definition, signal);
    },
    async replace(id, replacement, signal) {
      beforeWrite(`change campaign ${id}`);
      return campaigns.replace(id, replacement, signal);
    },
    async setStatus(id, status, signal, intent) {
      beforeWrite(`set campaign ${id} to ${status}`);
      if (status === 'running' && guard.emergencyInForce?.()) {
        throw new ConsoleFailure(
          consoleError(
            'internal',
            `${emergencyHoldMessage}: campaign ${id} was not resumed; resume the emergency pause first, and the rule resumes it on its next tick.`,
          ),
        );
      }
      return campaigns.setStatus(id, status, signal, intent);
    },
  };
}
