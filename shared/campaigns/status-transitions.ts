import type { CampaignStatus, RequestedStatus } from '../cxone/schemas';

/**
 * Contract §4.2: the statuses a campaign may be asked for from each status, and the status it
 * then has. The tenant answers any other request 409 INVALID_TRANSITION.
 */
export const statusTransitions: Readonly<Record<CampaignStatus, Readonly<Partial<Record<RequestedStatus, CampaignStatus>>>>> = {
  draft: { running: 'activating' },
  activating: {},
  running: { paused: 'paused', completed: 'completed' },
  paused: { running: 'running', completed: 'completed' },
  completed: {},
  failed: {},
};

/** The status a campaign in `from` moves to when asked for `target`; null when the tenant refuses. */
export function statusAfterRequest(from: CampaignStatus, target: RequestedStatus): CampaignStatus | null {
  return statusTransitions[from][target] ?? null;
}

/** Only a running campaign can be paused. */
export const canPause = (status: CampaignStatus): boolean => statusAfterRequest(status, 'paused') !== null;

/** Resuming goes straight back to running; a draft asked for running is activated, which is not a resume. */
export const canResume = (status: CampaignStatus): boolean => statusAfterRequest(status, 'running') === 'running';

/** Contract §4.3: statuses that already satisfy a request, so a 409 for it counts as done (activation is on its way to running). */
const satisfying: Readonly<Record<RequestedStatus, readonly CampaignStatus[]>> = {
  running: ['running', 'activating'],
  paused: ['paused'],
  completed: ['completed'],
};

export const alreadySatisfies = (status: CampaignStatus, target: RequestedStatus): boolean => satisfying[target].includes(status);
