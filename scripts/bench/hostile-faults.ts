import { createPrng } from '../../electron/demo-tenant/prng';
import type { DemoFault } from '../../electron/demo-tenant/public-types';

/**
 * The hostile tenant, as a queue of injected faults for the demo tenant: of the
 * API requests that get past its token bucket, 3% answer 503, 2% of the writes lose their
 * answer after the change was applied (500 after the handler), 1% of the writes have
 * their connection dropped. Every other entry is a zero-delay "slow" fault, i.e. none.
 * For `npm run bench`.
 */
export function hostileFaults(count: number, seed = 7): DemoFault[] {
  const prng = createPrng(seed);
  const faults: DemoFault[] = [];
  for (let i = 0; i < count; i += 1) {
    const draw = prng.next();
    if (draw < 0.03) faults.push({ kind: 'status', status: 503 });
    else if (draw < 0.05) faults.push({ kind: 'status', status: 500, afterHandler: true, match: { method: 'PATCH' } });
    else if (draw < 0.06) faults.push({ kind: 'drop', match: { method: 'PATCH' } });
    else faults.push({ kind: 'slow', delayMs: 0 });
  }
  return faults;
}
