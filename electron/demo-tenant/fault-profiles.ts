import type { DemoFaultRule, DemoTenantOptions } from './public-types';

/**
 * The faults of issue 11's measurements: 3% 503, 2% "500 after the change was applied",
 * about 1% connections dropped on writes (most after the change was applied).
 */
export const measuredFaultMix: DemoFaultRule[] = [
  { rate: 0.03, fault: { kind: 'status', status: 503 } },
  { rate: 0.02, fault: { kind: 'status', status: 500, afterHandler: true } },
  { rate: 0.005, fault: { match: { method: 'PATCH' }, kind: 'drop' } },
  { rate: 0.005, fault: { match: { method: 'PATCH' }, kind: 'drop', afterHandler: true } },
  { rate: 0.005, fault: { match: { method: 'PUT' }, kind: 'drop', afterHandler: true } },
  { rate: 0.005, fault: { match: { method: 'POST' }, kind: 'drop', afterHandler: true } },
];

/** The fault-injecting tenant as measured: 40 requests/s answering 429 with `Retry-After: 1`, the mix above, tokens revoked after 4 s although `expires_in` says 3600. */
export const measuredFaultProfile: Pick<DemoTenantOptions, 'rateLimitPerSecond' | 'faultMix' | 'revokeTokensAfterSeconds'> = {
  rateLimitPerSecond: 40,
  faultMix: measuredFaultMix,
  revokeTokensAfterSeconds: 4,
};
