import type { ConsoleError } from '../../shared/errors';

/**
 * Failures after which the tenant provably did not run the POST: it answered 4xx
 * (refusal or 429) or the console never sent it. Anything else (5xx, timeout,
 * dropped connection, an unreadable 201) may have created the campaign.
 */
const refusedKinds: ReadonlySet<ConsoleError['kind']> = new Set([
  'validation',
  'permission',
  'authentication',
  'not_found',
  'conflict',
  'rate_limited',
  'configuration',
  // The tenant's kind has no such capability (the Admin API creates no campaigns): nothing was sent.
  'not_available',
]);

export function isAmbiguousCreateFailure(error: ConsoleError): boolean {
  if (error.status !== undefined && error.status >= 400 && error.status < 500) return false;
  return !refusedKinds.has(error.kind);
}
