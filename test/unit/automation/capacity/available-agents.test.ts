import { describe, expect, it } from 'vitest';
import { availableAgentsByCampaign } from '../../../../shared/automation/capacity/available-agents';
import type { Agent, AgentState } from '../../../../shared/cxone/schemas';

const agent = (userId: string, state: AgentState, skills: string[]): Agent => ({
  userId,
  name: userId,
  state,
  queueId: 'q-1',
  skills,
  stateSince: '2026-12-01T10:00:00.000Z',
});

describe('available agents per campaign', () => {
  it('counts an available agent for every campaign its skills name, and nobody else', () => {
    const counts = availableAgentsByCampaign(
      [
        agent('a1', 'available', ['c-1', 'c-2']),
        agent('a2', 'available', ['c-2']),
        agent('a3', 'on_call', ['c-1']),
        agent('a4', 'wrap_up', ['c-1']),
        agent('a5', 'unavailable', ['c-2']),
        agent('a6', 'logged_out', ['c-2']),
        agent('a7', 'available', ['c-9']),
      ],
      ['c-1', 'c-2', 'c-3'],
    );
    expect(Object.fromEntries(counts)).toEqual({ 'c-1': 1, 'c-2': 2, 'c-3': 0 });
  });

  it('counts an agent once per campaign even when the skill is listed twice', () => {
    expect(availableAgentsByCampaign([agent('a1', 'available', ['c-1', 'c-1'])], ['c-1']).get('c-1')).toBe(1);
  });
});
