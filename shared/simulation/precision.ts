import type { DialerSimulationResult, Interval } from './dialer-model';

/**
 * When a setting has run enough replications: its 95% intervals are tight, and (for a
 * setting judged against a limit) the interval lies wholly on one side of that limit,
 * so more replications could not change the verdict the current figures give.
 */
export type PrecisionTarget = {
  /** Never stop before this many (the spread of fewer says little about the interval). */
  minReplications: number;
  /** Half-width ÷ mean for records per hour, occupancy and hours to finish the list. */
  relativeHalfWidth: number;
  /** Abandonment half-width allowed: the larger of this share of the mean and `abandonmentAbsolute`. */
  abandonmentRelative: number;
  abandonmentAbsolute: number;
  /** Abandonment limit the setting is judged against (the 3% rule), if any. */
  abandonmentLimit: number | null;
};

/** Tight enough for a lead to read: ±1% on throughput, occupancy and list time; ±10% (or ±0.1 point) on abandonment. */
export const wizardPrecision: Omit<PrecisionTarget, 'abandonmentLimit'> = {
  minReplications: 20,
  relativeHalfWidth: 0.01,
  abandonmentRelative: 0.1,
  abandonmentAbsolute: 0.001,
};

const halfWidth = ([low, high]: Interval) => (high - low) / 2;

export function isPreciseEnough(result: DialerSimulationResult, target: PrecisionTarget): boolean {
  if (result.replications < target.minReplications) return false;
  const relativeTight = (interval: Interval, mean: number) => halfWidth(interval) <= target.relativeHalfWidth * Math.abs(mean);
  if (!relativeTight(result.contactsPerHourCi95, result.contactsPerHour)) return false;
  if (!relativeTight(result.agentOccupancyCi95, result.agentOccupancy)) return false;
  // A list not finished within the time limit has no hours to pin down, and stays unfinished with more replications.
  if (result.hoursToCompleteListCi95 && result.hoursToCompleteList !== null && !relativeTight(result.hoursToCompleteListCi95, result.hoursToCompleteList))
    return false;
  if (halfWidth(result.abandonmentCi95) > Math.max(target.abandonmentRelative * result.abandonmentRate, target.abandonmentAbsolute)) return false;
  const limit = target.abandonmentLimit;
  if (limit !== null && result.abandonmentCi95[0] <= limit && result.abandonmentCi95[1] >= limit) return false;
  return true;
}

/**
 * Replication counts at which a setting is checked: the minimum, then ×1.5 up to the
 * maximum. Fixed in advance, so where a run stops depends only on its numbers.
 */
export function checkpointsUpTo(maxReplications: number, minReplications: number): number[] {
  const points: number[] = [];
  let n = Math.min(maxReplications, minReplications);
  while (n < maxReplications) {
    points.push(n);
    n = Math.ceil(n * 1.5);
  }
  points.push(maxReplications);
  return points;
}
