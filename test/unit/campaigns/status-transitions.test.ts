import { describe, expect, it } from 'vitest';
import { alreadySatisfies, canPause, canResume, statusAfterRequest } from '../../../shared/campaigns/status-transitions';
import { campaignStatuses, requestedStatuses } from '../../../shared/cxone/schemas';

describe('campaign status transitions (contract §4.2)', () => {
  it('allows exactly the lifecycle of the contract', () => {
    const allowed = campaignStatuses.flatMap((from) =>
      requestedStatuses.flatMap((target) => {
        const after = statusAfterRequest(from, target);
        return after === null ? [] : [`${from} -${target}-> ${after}`];
      }),
    );
    expect(allowed.sort()).toEqual(
      [
        'draft -running-> activating',
        'paused -completed-> completed',
        'paused -running-> running',
        'running -completed-> completed',
        'running -paused-> paused',
      ].sort(),
    );
  });

  it('pauses only running campaigns and resumes only paused ones (a draft is activated, not resumed)', () => {
    expect(campaignStatuses.filter(canPause)).toEqual(['running']);
    expect(campaignStatuses.filter(canResume)).toEqual(['paused']);
  });

  it('counts an activating campaign as already on its way to running', () => {
    expect(alreadySatisfies('activating', 'running')).toBe(true);
    expect(alreadySatisfies('activating', 'paused')).toBe(false);
    expect(alreadySatisfies('paused', 'paused')).toBe(true);
    expect(alreadySatisfies('failed', 'running')).toBe(false);
  });
});
