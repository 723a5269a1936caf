import { startDemoTenant, type DemoTenantHandle, type DemoTenantOptions } from '../../../electron/demo-tenant/index';
import { connectTenant, type ConnectOptions } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { ConsoleFailure, type ConsoleError } from '../../../shared/errors';
import type { TenantProfile } from '../../../shared/tenant-profile';

/** Short backoff so retried tests stay quick; Retry-After from the tenant is still honoured. */
export const quickRetry = { baseDelayMs: 10, maxDelayMs: 100 };

export function startTenant(options: DemoTenantOptions = {}): Promise<DemoTenantHandle> {
  return startDemoTenant({ seed: 11, dialerTickMs: 0, activationMs: 200, campaignCount: 24, contactsPerCampaign: 40, ...options });
}

export function profileFor(tenant: DemoTenantHandle, changes: Partial<TenantProfile> = {}): TenantProfile {
  return {
    id: 'test',
    label: 'Test tenant',
    adapter: 'contract',
    apiBaseUrl: tenant.url,
    clientId: tenant.clientId,
    credentialRef: 'test:clientSecret',
    ...changes,
  };
}

export function connectTo(
  tenant: DemoTenantHandle,
  changes: Partial<TenantProfile> = {},
  options: ConnectOptions & { secret?: string } = {},
): TenantConnection {
  const secret = options.secret ?? tenant.clientSecret;
  return connectTenant(profileFor(tenant, changes), async () => secret, { retry: quickRetry, ...options });
}

/** The typed error a tenant call rejected with. */
export async function failureOf(call: Promise<unknown> | (() => Promise<unknown>)): Promise<ConsoleError> {
  try {
    await (typeof call === 'function' ? call() : call);
  } catch (thrown) {
    if (thrown instanceof ConsoleFailure) return thrown.error;
    throw new Error(`expected a ConsoleFailure, got ${String(thrown)}`);
  }
  throw new Error('expected the call to fail');
}

export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Log entries of one path, oldest first. */
export function attemptsAt(connection: TenantConnection, pathPrefix: string) {
  return connection.requestLog
    .recent()
    .filter((entry) => entry.path.startsWith(pathPrefix))
    .reverse();
}

export const tokenPath = '/oauth2/token';

/** A definition the tenant accepts: an existing campaign's, under a new name. */
export function definitionLike(tenant: { state: { campaigns: Map<string, import('../../../shared/cxone/schemas').Campaign> } }, name: string) {
  const source = [...tenant.state.campaigns.values()][0];
  if (!source) throw new Error('the tenant has no campaigns');
  const { id: _id, status: _status, version: _version, createdAt: _createdAt, updatedAt: _updatedAt, ...definition } = source;
  return { ...definition, name };
}

export const campaignsNamed = (tenant: { state: { campaigns: Map<string, { name: string }> } }, name: string) =>
  [...tenant.state.campaigns.values()].filter((campaign) => campaign.name === name).length;
