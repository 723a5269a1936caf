import { describe, expect, it } from 'vitest';
import { staffingTimeline } from '../../../shared/schedules/staffing-timeline';

const campaign = (id: string, cronExpression: string, windowMinutes: number, agentAllocation: number) => ({
  id,
  name: `Campaign ${id}`,
  contactListId: `list-${id}`,
  agentAllocation,
  schedule: { timezone: 'America/Chicago', cronExpression, windowMinutes },
});
const agent = (userId: string, skills: string[]) => ({ userId, skills });
const at = (clock: string) => Date.parse(`2027-03-01T${clock}:00-06:00`);

describe('staffing timeline', () => {
  const agents = [agent('a1', ['A', 'B']), agent('a2', ['A', 'B']), agent('a3', ['A', 'B']), agent('b1', ['B'])];
  const range = { fromMs: at('00:00'), days: 1 };

  it('marks the stretch where campaigns open at once need more agents than are skilled for them, not the stretches either alone is covered', () => {
    const timeline = staffingTimeline([campaign('A', '0 10 * * *', 120, 3), campaign('B', '0 11 * * *', 120, 2)], agents, range);
    expect(timeline.overloaded).toEqual([{ startMs: at('11:00'), endMs: at('12:00'), campaignIds: ['A', 'B'], needed: 5, available: 4 }]);
    expect(timeline.campaigns.map((c) => [c.id, c.agentsNeeded, c.agentsSkilled, c.windows])).toEqual([
      ['A', 3, 3, [{ startMs: at('10:00'), endMs: at('12:00') }]],
      ['B', 2, 4, [{ startMs: at('11:00'), endMs: at('13:00') }]],
    ]);
    expect(timeline.demand.find((step) => step.atMs === at('12:00'))).toEqual({ atMs: at('12:00'), needed: 2, available: 4 });
  });

  it('touching windows never add up, and a campaign needing more than its own skilled agents is overloaded alone', () => {
    const touching = staffingTimeline([campaign('A', '0 10 * * *', 60, 3), campaign('B', '0 11 * * *', 60, 4)], agents, range);
    expect(touching.overloaded).toEqual([]);
    const alone = staffingTimeline([campaign('A', '0 10 * * *', 60, 4)], agents, range);
    expect(alone.overloaded).toEqual([{ startMs: at('10:00'), endMs: at('11:00'), campaignIds: ['A'], needed: 4, available: 3 }]);
  });
});
