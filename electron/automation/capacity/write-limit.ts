import { campaignDefinitionSchema, type Campaign } from '../../../shared/cxone/schemas';
import { toConsoleError, type ConsoleError } from '../../../shared/errors';
import type { CampaignsPort } from '../../tenant/ports';

export type LimitWrite =
  | { kind: 'applied'; campaign: Campaign; attempts: number }
  /** A person changed the limit between the read and the write: theirs stands. */
  | { kind: 'changed-by-person'; personValue: number; campaign: Campaign }
  | { kind: 'failed'; error: ConsoleError };

const isStaleVersion = (error: ConsoleError) => error.code === 'STALE_VERSION';

/**
 * Writes only `rules.maxConcurrentCalls` (contract §4.4): PUT of the campaign as read with the
 * version that was read; on 409 STALE_VERSION the campaign is re-read and only this field is
 * applied again on top of the fresh one, up to `maxAttempts` PUTs. When the re-read shows the
 * limit itself moved away from what was read, a person set it: nothing is written. When it
 * already carries the new value (our PUT landed and only its answer was lost), that is success.
 */
export async function writeConcurrentCallLimit(
  campaigns: Pick<CampaignsPort, 'get' | 'replace'>,
  read: Campaign,
  limit: number,
  signal: AbortSignal,
  maxAttempts = 3,
): Promise<LimitWrite> {
  let current = read;
  for (let attempt = 1; ; attempt++) {
    try {
      const definition = campaignDefinitionSchema.parse(current);
      const campaign = await campaigns.replace(
        current.id,
        { ...definition, rules: { ...definition.rules, maxConcurrentCalls: limit }, version: current.version },
        signal,
      );
      return { kind: 'applied', campaign, attempts: attempt };
    } catch (thrown) {
      const error = toConsoleError(thrown);
      if (!isStaleVersion(error) || attempt >= maxAttempts) return { kind: 'failed', error };
    }
    let fresh: Campaign;
    try {
      fresh = await campaigns.get(current.id, signal);
    } catch (thrown) {
      return { kind: 'failed', error: toConsoleError(thrown) };
    }
    const theirs = fresh.rules.maxConcurrentCalls;
    if (theirs === limit) return { kind: 'applied', campaign: fresh, attempts: attempt };
    if (theirs !== read.rules.maxConcurrentCalls) return { kind: 'changed-by-person', personValue: theirs, campaign: fresh };
    current = fresh;
  }
}

/** The tenant's refusal as one line naming the field: `rules.maxConcurrentCalls: INVALID_VALUE must be at most 50 …`. */
export function refusalText(error: ConsoleError): string {
  const named = (error.details ?? []).filter((detail) => detail.path !== undefined);
  if (named.length === 0) return error.message;
  return named.map((detail) => `${detail.path}: ${detail.code ? `${detail.code} ` : ''}${detail.message}`).join('; ');
}
