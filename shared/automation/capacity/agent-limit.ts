/**
 * The default pacing: available agents × the safety factor, rounded down, at least 1
 * while any agent is available and 0 when none is (seed 004, `calculate_optimal_concurrent_calls`).
 */
export function agentLimit(availableAgents: number, safetyFactor: number): number {
  if (availableAgents <= 0) return 0;
  // A tiny epsilon so 10 × 0.8 is 8, not 7 from 7.999….
  return Math.max(1, Math.floor(availableAgents * safetyFactor + 1e-9));
}
