import { createHash } from 'node:crypto';
import { contractPaths } from '../../shared/cxone/schemas';

export interface BoundEndpoints {
  apiBaseUrl: string;
  tokenUrl?: string | undefined;
  clientId: string;
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** What a stored client secret belongs to: the base URL, the token URL it is sent to, the client id. */
export function bindingOf(endpoints: BoundEndpoints): string {
  const base = withoutTrailingSlash(endpoints.apiBaseUrl);
  const tokenUrl = endpoints.tokenUrl ? endpoints.tokenUrl : `${base}${contractPaths.defaultTokenPath}`;
  return JSON.stringify([base, tokenUrl, endpoints.clientId]);
}

/**
 * The vault reference of a client secret, derived from its binding: the same client id with
 * another base or token URL names another (empty) slot, so the stored secret is never sent
 * to a URL it was not entered for.
 */
export function credentialRefOf(profileId: string, endpoints: BoundEndpoints): string {
  const digest = createHash('sha256').update(bindingOf(endpoints)).digest('hex').slice(0, 16);
  return `${profileId}:${digest}:clientSecret`;
}
