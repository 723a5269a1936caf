import type { AdminApiDemoTenantHandle, AdminSkill } from '../../../electron/demo-tenant-admin/index';
import { startAdminApiDemoTenant } from '../../../electron/demo-tenant-admin/index';
import { systemClock } from '../../../electron/tenant/clock';
import { connectAdminApiTenant, type AdminApiConnectionOptions } from '../../../electron/tenant/admin-api/admin-api-connection';
import type { TenantConnection } from '../../../electron/tenant/ports';
import type { TenantProfile } from '../../../shared/tenant-profile';

export { collect, failureOf } from '../tenant/support';

export const quickRetry = { baseDelayMs: 10, maxDelayMs: 100 };

export const startAdminTenant = (knobs: Parameters<typeof startAdminApiDemoTenant>[0] = {}) =>
  startAdminApiDemoTenant({ seed: 21, skillCount: 30, contactsPerSkill: 3, ...knobs });

export function adminProfileFor(tenant: AdminApiDemoTenantHandle): TenantProfile {
  return {
    id: 'admin',
    label: 'Admin API tenant',
    adapter: 'cxone-admin',
    apiBaseUrl: tenant.issuer,
    clientId: tenant.accessKeyId,
    credentialRef: 'admin:accessKeySecret',
  };
}

export function connectToAdmin(tenant: AdminApiDemoTenantHandle, options: Partial<AdminApiConnectionOptions> & { secret?: string } = {}): TenantConnection {
  const secret = options.secret ?? tenant.accessKeySecret;
  return connectAdminApiTenant(adminProfileFor(tenant), async () => secret, {
    fetch: globalThis.fetch.bind(globalThis),
    clock: systemClock,
    retry: quickRetry,
    apiVersion: tenant.apiVersion,
    ...options,
  });
}

export function seededSkill(tenant: AdminApiDemoTenantHandle, test: (skill: AdminSkill) => boolean): AdminSkill {
  const skill = [...tenant.state.skills.values()].find((candidate) => candidate.isOutbound && test(candidate));
  if (!skill) throw new Error('no such seeded skill');
  return skill;
}

/** Status answers of the attempts at one path (below the API version), oldest first. */
export function statusesAt(connection: TenantConnection, pathSuffix: string): (number | null)[] {
  return connection.requestLog
    .recent()
    .filter((entry) => entry.path.split('?')[0]?.endsWith(pathSuffix))
    .reverse()
    .map((entry) => entry.status);
}
