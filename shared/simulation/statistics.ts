/** A replication mean with its 95% confidence interval. */
export type Estimate = { mean: number; ci95: [number, number] };

/** Two-sided 97.5% Student t quantiles for 1…30 degrees of freedom. */
const tTable = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** t(0.975, df): table up to 30, Cornish–Fisher expansion of the normal quantile beyond (error < 1e-3). */
export function tQuantile975(degreesOfFreedom: number): number {
  const tabled = tTable[degreesOfFreedom - 1];
  if (tabled !== undefined) return tabled;
  const z = 1.959964;
  const df = degreesOfFreedom;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

/**
 * Mean and t-interval of per-replication values (the replications are independent
 * runs, so their spread is the honest measure of Monte Carlo error). Optionally
 * clamped, e.g. to [0, 1] for rates.
 */
export function estimate(values: ArrayLike<number>, count: number, lower = -Infinity, upper = Infinity): Estimate {
  if (count === 0) return { mean: 0, ci95: [0, 0] };
  let sum = 0;
  for (let i = 0; i < count; i++) sum += values[i] as number;
  const mean = sum / count;
  if (count < 2) return { mean, ci95: [mean, mean] };
  let squares = 0;
  for (let i = 0; i < count; i++) squares += ((values[i] as number) - mean) ** 2;
  const halfWidth = tQuantile975(count - 1) * Math.sqrt(squares / (count - 1) / count);
  return { mean, ci95: [Math.max(lower, mean - halfWidth), Math.min(upper, mean + halfWidth)] };
}
