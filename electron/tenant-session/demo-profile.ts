import type { TenantProfile } from '../../shared/tenant-profile';
import type { DemoTenantHandle } from '../demo-tenant/index';
import type { AdminApiDemoTenantHandle } from '../demo-tenant-admin/index';

export function demoProfile(handle: DemoTenantHandle): TenantProfile {
  return {
    id: 'demo',
    label: 'Demo tenant',
    adapter: 'contract',
    apiBaseUrl: handle.url,
    tokenUrl: handle.tokenUrl,
    clientId: handle.clientId,
    credentialRef: 'demo:clientSecret',
  };
}

/** The simulated Admin API tenant as a profile: its issuer, access key and API version. */
export function adminApiDemoProfile(handle: AdminApiDemoTenantHandle): TenantProfile {
  return {
    id: 'demo-admin-api',
    label: 'Demo tenant (Admin API)',
    adapter: 'cxone-admin',
    apiBaseUrl: handle.issuer,
    clientId: handle.accessKeyId,
    credentialRef: 'demo-admin-api:accessKeySecret',
    adminApi: { apiVersion: handle.apiVersion },
  };
}
