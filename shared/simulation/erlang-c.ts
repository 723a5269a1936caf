import { fail, ok, type Result } from '../errors';
import { staffingInputSchema, type StaffingInput } from './schemas';
import { fieldError, parseInputs } from './validation';

const what = 'staffing inputs';

export type StaffingResult = {
  trafficErlangs: number;
  agents: number;
  probabilityOfWaiting: number;
  /** Fraction of calls answered within targetAnswerSeconds. */
  serviceLevel: number;
  averageSpeedOfAnswerSeconds: number;
  occupancy: number;
};

/** No real staffing question needs more; it bounds the search if a target cannot be met. */
const maxAgents = 1_000_000;

function checkAgents(agents: number): Result<number> {
  if (!Number.isInteger(agents) || agents < 1 || agents > maxAgents) {
    return fail(fieldError(what, 'agents', `Enter the agents as a whole number from 1 to ${maxAgents.toLocaleString('en-US')}`));
  }
  return ok(agents);
}

function checkTraffic(traffic: number): Result<number> {
  if (!Number.isFinite(traffic) || traffic < 0) {
    return fail(fieldError(what, 'trafficErlangs', 'Enter the traffic as a number of Erlangs, 0 or more'));
  }
  return ok(traffic);
}

function checkSeconds(path: string, value: number, allowZero: boolean): Result<number> {
  if (!Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    return fail(fieldError(what, path, `Enter ${path} as a number of seconds${allowZero ? ', 0 or more' : ' above 0'}`));
  }
  return ok(value);
}

/**
 * Erlang B by the recursion B(n) = A·B(n-1) / (n + A·B(n-1)), B(0) = 1: every step
 * stays in [0, 1], so there is no factorial or power to overflow at any size.
 */
function erlangB(agents: number, traffic: number): number {
  let blocking = 1;
  for (let n = 1; n <= agents; n++) blocking = (traffic * blocking) / (n + traffic * blocking);
  return blocking;
}

/** Erlang C from Erlang B with the same agents; 1 when the queue cannot settle (agents ≤ traffic). */
function erlangCFromB(agents: number, traffic: number, blocking: number): number {
  if (traffic === 0) return 0;
  if (agents <= traffic) return 1;
  return (agents * blocking) / (agents - traffic * (1 - blocking));
}

const serviceLevelOf = (agents: number, traffic: number, waitProbability: number, aht: number, target: number) =>
  agents <= traffic ? 0 : 1 - waitProbability * Math.exp((-(agents - traffic) * target) / aht);

/** Probability that a call waits (Erlang C) with `agents` agents and `trafficErlangs` of offered traffic. */
export function erlangC(agents: number, trafficErlangs: number): Result<number> {
  const n = checkAgents(agents);
  if (!n.ok) return n;
  const a = checkTraffic(trafficErlangs);
  if (!a.ok) return a;
  return ok(erlangCFromB(agents, trafficErlangs, erlangB(agents, trafficErlangs)));
}

/** Fraction of calls answered within `targetAnswerSeconds`: 1 − C·e^(−(N−A)·t/AHT); 0 when agents ≤ traffic. */
export function serviceLevel(agents: number, trafficErlangs: number, ahtSeconds: number, targetAnswerSeconds: number): Result<number> {
  const c = erlangC(agents, trafficErlangs);
  if (!c.ok) return c;
  const aht = checkSeconds('ahtSeconds', ahtSeconds, false);
  if (!aht.ok) return aht;
  const target = checkSeconds('targetAnswerSeconds', targetAnswerSeconds, true);
  if (!target.ok) return target;
  return ok(serviceLevelOf(agents, trafficErlangs, c.value, ahtSeconds, targetAnswerSeconds));
}

/** Mean wait of all calls, C·AHT / (N − A). Unbounded when agents ≤ traffic, so that is a validation error. */
export function averageSpeedOfAnswer(agents: number, trafficErlangs: number, ahtSeconds: number): Result<number> {
  const c = erlangC(agents, trafficErlangs);
  if (!c.ok) return c;
  const aht = checkSeconds('ahtSeconds', ahtSeconds, false);
  if (!aht.ok) return aht;
  if (trafficErlangs === 0) return ok(0);
  if (agents <= trafficErlangs) {
    return fail(fieldError(what, 'agents', `With ${trafficErlangs} Erlangs the queue never settles below ${Math.floor(trafficErlangs) + 1} agents`));
  }
  return ok((c.value * ahtSeconds) / (agents - trafficErlangs));
}

/**
 * The smallest agent count that meets the service level (and the occupancy cap, if
 * given) for one interval. Walks up from the first stable count, carrying the
 * Erlang B recursion forward one agent at a time, so large centres cost O(agents).
 */
export function staffing(input: StaffingInput): Result<StaffingResult> {
  const parsed = parseInputs(staffingInputSchema, what, input);
  if (!parsed.ok) return parsed;
  const { calls, intervalSeconds, ahtSeconds, serviceLevelTarget, targetAnswerSeconds, maxOccupancy } = parsed.value;
  const traffic = (calls * ahtSeconds) / intervalSeconds;
  if (traffic === 0) {
    return ok({ trafficErlangs: 0, agents: 0, probabilityOfWaiting: 0, serviceLevel: 1, averageSpeedOfAnswerSeconds: 0, occupancy: 0 });
  }
  const stable = Math.floor(traffic) + 1;
  const forOccupancy = maxOccupancy === undefined ? 1 : Math.ceil(traffic / maxOccupancy - 1e-9);
  const start = Math.max(stable, forOccupancy);
  if (start > maxAgents) return fail(fieldError(what, 'calls', 'That traffic needs more than a million agents; check the calls and handle time'));

  let blocking = erlangB(start, traffic);
  for (let agents = start; agents <= maxAgents; agents++) {
    if (agents > start) blocking = (traffic * blocking) / (agents + traffic * blocking);
    const waiting = erlangCFromB(agents, traffic, blocking);
    const level = serviceLevelOf(agents, traffic, waiting, ahtSeconds, targetAnswerSeconds);
    if (level >= serviceLevelTarget) {
      return ok({
        trafficErlangs: traffic,
        agents,
        probabilityOfWaiting: waiting,
        serviceLevel: level,
        averageSpeedOfAnswerSeconds: (waiting * ahtSeconds) / (agents - traffic),
        occupancy: traffic / agents,
      });
    }
  }
  return fail(fieldError(what, 'serviceLevelTarget', 'No staffing up to a million agents meets this service level; lower the target'));
}
