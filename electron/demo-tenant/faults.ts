import type { Prng } from './prng';
import type { DemoFault, DemoFaultRule } from './public-types';

const randomFaults: readonly DemoFault[] = [
  { kind: 'status', status: 502 },
  { kind: 'status', status: 503 },
  { kind: 'status', status: 504 },
  { kind: 'status', status: 500, afterHandler: true },
  { kind: 'drop' },
  { kind: 'slow', delayMs: 1500 },
];

function matches(fault: DemoFault, method: string, path: string, isApiCall: boolean): boolean {
  const match = fault.match;
  if (match?.method && match.method.toUpperCase() !== method) return false;
  if (match?.pathPrefix !== undefined) return path.startsWith(match.pathPrefix);
  return isApiCall;
}

const clampedRate = (rate: number | undefined) => Math.min(1, Math.max(0, rate ?? 0));

/**
 * Injected faults are consumed first, in order, each by the first request it matches;
 * then each rule of the fault mix that matches is drawn in order; otherwise an API call
 * gets a random fault with probability `faultRate`.
 */
export function createFaultInjector(prng: Prng) {
  const queue: DemoFault[] = [];
  let faultRate = 0;
  let mix: DemoFaultRule[] = [];
  return {
    setRate(rate: number | undefined): void {
      faultRate = clampedRate(rate);
    },
    setMix(rules: DemoFaultRule[] | undefined): void {
      mix = (rules ?? []).map((rule) => ({ ...rule, rate: clampedRate(rule.rate) }));
    },
    inject(faults: DemoFault[]): void {
      queue.push(...faults);
    },
    take(method: string, path: string, isApiCall: boolean): DemoFault | null {
      const index = queue.findIndex((fault) => matches(fault, method, path, isApiCall));
      if (index >= 0) return queue.splice(index, 1)[0] ?? null;
      for (const rule of mix) {
        if (matches(rule.fault, method, path, isApiCall) && prng.next() < rule.rate) return rule.fault;
      }
      if (isApiCall && faultRate > 0 && prng.next() < faultRate) return prng.pick(randomFaults);
      return null;
    },
  };
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;

const codeByStatus: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
  502: 'BAD_GATEWAY',
  503: 'SERVICE_UNAVAILABLE',
  504: 'GATEWAY_TIMEOUT',
};

export const faultCode = (status: number) => codeByStatus[status] ?? 'INJECTED_FAULT';
