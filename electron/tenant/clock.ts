import { delay } from '../../shared/base/delay';

/** Time as the tenant client sees it; tests pass a manual clock. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: delay,
};
