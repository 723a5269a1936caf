/**
 * - `none`: the step itself.
 * - `equal`: between half the step and the step (keeps a floor).
 * - `proportional`: the step × 0.5–1.5.
 */
export type Jitter = 'none' | 'equal' | 'proportional';

export interface BackoffOptions {
  /** The first step. */
  baseMs: number;
  /** Growth per retry: the n-th step is base × factor^(n-1) (default 2). */
  factor?: number;
  /** `linear` makes the n-th step base × n instead (default `exponential`). */
  growth?: 'exponential' | 'linear';
  /** Largest step, applied before jitter (default none). */
  capMs?: number;
  jitter?: Jitter;
  /** A number in [0, 1); default Math.random. */
  random?: () => number;
}

/** The wait before retry `n` (1 for the first retry; lower numbers count as 1). */
export type Backoff = (retryNumber: number) => number;

export function backoff(options: BackoffOptions): Backoff {
  const factor = options.factor ?? 2;
  const cap = options.capMs ?? Number.POSITIVE_INFINITY;
  const jitter = options.jitter ?? 'none';
  const random = options.random ?? Math.random;
  return (retryNumber) => {
    const n = Math.max(1, retryNumber);
    const grown = options.growth === 'linear' ? options.baseMs * n : options.baseMs * factor ** (n - 1);
    const step = Math.min(cap, grown);
    switch (jitter) {
      case 'none':
        return step;
      case 'equal':
        return step / 2 + random() * (step / 2);
      case 'proportional':
        return step * (0.5 + random());
    }
  };
}
