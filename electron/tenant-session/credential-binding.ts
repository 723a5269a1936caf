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

export interface BoundAccessKey {
  issuer: string;
  accessKeyId: string;
}

/**
 * The same rule for an Admin API access key: its secret is sent only to the issuer it was
 * entered for (the token endpoints are the issuer's), so the slot is derived from the issuer and
 * the access key id. Another issuer, or another key id, names another (empty) slot.
 */
export function accessKeyBindingOf(key: BoundAccessKey): string {
  return JSON.stringify(['cxone-admin', withoutTrailingSlash(key.issuer), key.accessKeyId]);
}

const slotOf = (profileId: string, binding: string, name: string) => `${profileId}:${createHash('sha256').update(binding).digest('hex').slice(0, 16)}:${name}`;

export function accessKeyCredentialRefOf(profileId: string, key: BoundAccessKey): string {
  return slotOf(profileId, accessKeyBindingOf(key), 'accessKeySecret');
}

/** An application's client secret is sent with the access key, so it is bound to both and to its client id. */
export function applicationCredentialRefOf(profileId: string, key: BoundAccessKey & { applicationClientId: string }): string {
  return slotOf(profileId, JSON.stringify([accessKeyBindingOf(key), key.applicationClientId]), 'applicationSecret');
}
