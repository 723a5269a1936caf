import { agentLimit } from '../../../shared/automation/capacity/agent-limit';
import { simulationLimitKey, simulationLimitSteps, type CallAssumptions, type SimulationLimit } from '../../../shared/automation/capacity/simulation-limit';
import type { CapacityRuleSettings } from '../../../shared/automation/automation-rules';
import type { DialerType } from '../../../shared/cxone/schemas';
import { ConsoleFailure, type Result } from '../../../shared/errors';
import { runStepsAsync } from '../../../shared/simulation/steps';

export interface CapacityTarget {
  limit: number;
  /** How the limit was reached, for the decision's reason. */
  basis: string;
}

const giveTheEventLoopATurn = () => new Promise<void>((resolve) => setImmediate(resolve));
const cacheSize = 512;

/**
 * The limit the rule aims for, by the settings' model. The simulation model's answer depends
 * only on the agent count, the dialer, the abandonment limit and the call assumptions, so it is kept (seeded, it
 * never changes) and a tick over many campaigns runs each distinct question once; between
 * replications the event loop gets a turn, so the main process stays responsive.
 */
export function createCapacityTargets() {
  const simulated = new Map<string, Promise<Result<SimulationLimit>>>();

  const simulate = (available: number, dialerType: DialerType, maxAbandonRate: number, calls: CallAssumptions, signal: AbortSignal) => {
    const key = simulationLimitKey(available, dialerType, maxAbandonRate, calls);
    let found = simulated.get(key);
    if (!found) {
      if (simulated.size >= cacheSize) simulated.clear();
      found = runStepsAsync(simulationLimitSteps(available, dialerType, maxAbandonRate, calls), {
        pause: giveTheEventLoopATurn,
        shouldCancel: () => signal.aborted,
      });
      simulated.set(key, found);
      // A cancelled or failed run is not an answer to keep.
      void found.then((result) => {
        if (!result.ok) simulated.delete(key);
      });
    }
    return found;
  };

  return {
    async targetFor(available: number, dialerType: DialerType, settings: CapacityRuleSettings, signal: AbortSignal): Promise<CapacityTarget> {
      if (settings.model === 'agents') {
        return { limit: agentLimit(available, settings.safetyFactor), basis: `${available} available × safety factor ${settings.safetyFactor}` };
      }
      const calls = { answerRate: settings.answerRate, ahtSeconds: settings.ahtSeconds, wrapUpSeconds: settings.wrapUpSeconds };
      const result = await simulate(available, dialerType, settings.maxAbandonRate, calls, signal);
      if (!result.ok) throw new ConsoleFailure(result.error);
      const assumed = `${Math.round(calls.answerRate * 100)}% answered, ${calls.ahtSeconds} s talk, ${calls.wrapUpSeconds} s wrap-up`;
      return { limit: result.value.limit, basis: `${available} available, pacing model (${assumed}): ${result.value.basis}` };
    },
  };
}
export type CapacityTargets = ReturnType<typeof createCapacityTargets>;
