import type { TenantProfile } from '../../shared/tenant-profile';
import type { DemoTenantHandle } from '../demo-tenant/index';

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
