/**
 * The pace the client sends at, learned from the tenant's answers (pure: time comes in
 * with every event, so tests drive it with plain numbers).
 *
 * The tenant limits with a token bucket. Between two 429s the bucket was empty both
 * times, so what it admitted in between is exactly its refill rate times the elapsed
 * time (as long as the gap is short enough for the bucket not to fill up). That is the
 * estimate: admitted sends between the first and the latest 429 of an episode, per
 * second of that span. The client then holds just under it. Until an episode is long
 * enough to estimate from, a 429 cuts the measured send rate by `blindCut` (the AWS SDK
 * "adaptive" mode's beta), once per rate generation so 429s already in flight cut once.
 *
 * Growth happens only while callers are waiting for the rate (not for concurrency): before
 * any 429 the rate doubles every second (the configured rate is a starting guess, the
 * tenant's answers are the truth); after one, it holds for `probeAfterMs`, then probes
 * upward slowly so a raised tenant limit is found again.
 */

export interface AdaptiveRateOptions {
  initialRate: number;
  /** Never above this, whatever the tenant tolerates. */
  ceilingRate: number;
  minRate: number;
}

export type SendOutcome = 'admitted' | 'throttled';

export interface Send {
  readonly at: number;
  readonly generation: number;
  outcome: SendOutcome | 'pending';
}

export interface AdaptiveRate {
  rate(): number;
  /** The tenant's refill rate as last estimated from 429 timing, or null. */
  learnedLimit(): number | null;
  sent(at: number): Send;
  answered(send: Send, outcome: SendOutcome, at: number): void;
  /** Called whenever the limiter looks at the rate; `saturated` = callers wait for rate tokens. */
  advance(at: number, saturated: boolean): void;
}

export const holdFraction = 0.97;
export const blindCut = 0.7;
/** Two 429s further apart than this belong to different episodes (the bucket may have refilled between). */
export const episodeGapMs = 1500;
export const minEstimateSpanMs = 250;
export const probeAfterMs = 5000;
export const probeGrowthPerSecond = 0.02;
const historyMs = 10_000;
/** After a blind cut, the rate climbs back toward where it was throttled only after this quiet time. */
const blindRecoveryMs = 500;

export function createAdaptiveRate(options: AdaptiveRateOptions): AdaptiveRate {
  const { ceilingRate, minRate } = options;
  let rate = Math.min(ceilingRate, Math.max(minRate, options.initialRate));
  let learned: number | null = null;
  let generation = 0;
  let lastThrottleAt = Number.NEGATIVE_INFINITY;
  /** The rate when the last blind cut happened: where recovery stops before probing. */
  let throttledAtRate: number | null = null;
  let blindSinceEstimate = false;
  let lastAdvance: number | null = null;
  const sends: Send[] = [];
  /** Send times of throttled sends, ascending. */
  const throttles: number[] = [];

  const forget = (at: number) => {
    const horizon = at - historyMs;
    let drop = 0;
    while (drop < sends.length && (sends[drop]?.at ?? 0) < horizon && sends[drop]?.outcome !== 'pending') drop += 1;
    if (drop > 0) sends.splice(0, drop);
    while (throttles.length > 0 && (throttles[0] ?? 0) < horizon) throttles.shift();
  };

  const measuredSendRate = (at: number): number => {
    const since = at - 1000;
    let count = 0;
    let earliest = at;
    for (let i = sends.length - 1; i >= 0; i -= 1) {
      const send = sends[i];
      if (!send || send.at < since) break;
      count += 1;
      earliest = send.at;
    }
    const span = Math.max(100, at - earliest);
    return count === 0 ? rate : (count * 1000) / Math.min(1000, span);
  };

  /** Admitted sends per second between the first 429 of this episode and the one at `until`. */
  const episodeEstimate = (until: number): number | null => {
    const index = throttles.lastIndexOf(until);
    if (index < 0) return null;
    let start = until;
    for (let i = index - 1; i >= 0; i -= 1) {
      const earlier = throttles[i] ?? start;
      if (start - earlier > episodeGapMs) break;
      start = earlier;
    }
    const span = until - start;
    if (span < minEstimateSpanMs) return null;
    // Sends still unanswered count with the admitted share of those answered.
    let admitted = 0;
    let answered = 0;
    let all = 0;
    for (const send of sends) {
      if (send.at <= start || send.at >= until) continue;
      all += 1;
      if (send.outcome === 'pending') continue;
      answered += 1;
      if (send.outcome === 'admitted') admitted += 1;
    }
    if (answered === 0) return null;
    return Math.max(minRate, ((all * admitted) / answered) * (1000 / span));
  };

  const insertThrottle = (at: number) => {
    let i = throttles.length;
    while (i > 0 && (throttles[i - 1] ?? 0) > at) i -= 1;
    throttles.splice(i, 0, at);
  };

  return {
    rate: () => rate,
    learnedLimit: () => learned,
    sent(at) {
      forget(at);
      const send: Send = { at, generation, outcome: 'pending' };
      sends.push(send);
      return send;
    },
    answered(send, outcome, at) {
      send.outcome = outcome;
      if (outcome !== 'throttled') return;
      lastThrottleAt = at;
      insertThrottle(send.at);
      // Sent at the current pace (not before the last change) and still refused.
      const fresh = send.generation === generation;
      const estimate = episodeEstimate(send.at);
      let next = rate;
      if (estimate !== null) {
        learned = estimate;
        // A blind cut was a guess: the episode's first estimate replaces it, up or down.
        next = blindSinceEstimate ? estimate * holdFraction : Math.min(rate, estimate * holdFraction);
        blindSinceEstimate = false;
      } else if (fresh && learned !== null) {
        // A new episode (probing went too far, or the limit fell): back to just under what was learned.
        next = Math.min(rate, learned) * holdFraction;
      } else if (fresh) {
        throttledAtRate = Math.max(rate, throttledAtRate ?? 0);
        blindSinceEstimate = true;
        next = Math.min(rate, measuredSendRate(at)) * blindCut;
      }
      next = Math.min(ceilingRate, Math.max(minRate, next));
      if (next !== rate) {
        rate = next;
        generation += 1;
      }
    },
    advance(at, saturated) {
      const previous = lastAdvance;
      lastAdvance = at;
      if (!saturated || previous === null || at <= previous) return;
      const seconds = (at - previous) / 1000;
      const quiet = at - lastThrottleAt;
      if (lastThrottleAt === Number.NEGATIVE_INFINITY) {
        rate = Math.min(ceilingRate, rate * 2 ** seconds);
      } else if (quiet >= probeAfterMs) {
        rate = Math.min(ceilingRate, rate * (1 + probeGrowthPerSecond * seconds));
      } else if (learned === null && throttledAtRate !== null && quiet >= blindRecoveryMs) {
        // No estimate yet: climb back quickly toward just under where the tenant refused.
        rate = Math.min(ceilingRate, rate * 2 ** seconds, Math.max(rate, throttledAtRate * holdFraction));
      }
    },
  };
}
