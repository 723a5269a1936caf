import { describe, expect, it } from 'vitest';
import { agentLimit } from '../../../../shared/automation/capacity/agent-limit';

describe('the agents × safety factor limit', () => {
  it('is 0 with no agent available, and at least 1 with any', () => {
    expect(agentLimit(0, 0.8)).toBe(0);
    expect(agentLimit(1, 0.8)).toBe(1);
    expect(agentLimit(1, 0.1)).toBe(1);
  });

  it('rounds available × factor down, without losing a whole call to floating point', () => {
    expect(agentLimit(10, 0.8)).toBe(8);
    expect(agentLimit(9, 0.8)).toBe(7);
    expect(agentLimit(3, 0.7)).toBe(2);
    expect(agentLimit(100, 1)).toBe(100);
  });
});
