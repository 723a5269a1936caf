import type { Random } from './random';
import type { HandleTimeDistribution } from './schemas';

/** Exponential with `mean`, conditioned to be below `limit` (inverse CDF of the truncated law: one draw, no rejection). */
export function truncatedExponential(random: Random, mean: number, limit: number): number {
  const mass = 1 - Math.exp(-limit / mean);
  return -mean * Math.log(1 - random() * mass);
}

/** Box–Muller; the second variate is dropped so each call uses a fixed two draws. */
export function standardNormal(random: Random): number {
  const radius = Math.sqrt(-2 * Math.log(1 - random()));
  return radius * Math.cos(2 * Math.PI * random());
}

/** Marsaglia–Tsang for shape ≥ 1, boosted by U^(1/shape) below 1; unit scale. */
export function standardGamma(random: Random, shape: number): number {
  if (shape < 1) return standardGamma(random, shape + 1) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = standardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** A sampler of positive durations with the given mean and coefficient of variation. */
export function handleTimeSampler(distribution: HandleTimeDistribution, mean: number, cv: number): (random: Random) => number {
  if (cv === 0) return () => mean;
  if (distribution === 'gamma') {
    const shape = 1 / (cv * cv);
    const scale = mean * cv * cv;
    return (random) => standardGamma(random, shape) * scale;
  }
  const sigmaSquared = Math.log(1 + cv * cv);
  const mu = Math.log(mean) - sigmaSquared / 2;
  const sigma = Math.sqrt(sigmaSquared);
  return (random) => Math.exp(mu + sigma * standardNormal(random));
}
