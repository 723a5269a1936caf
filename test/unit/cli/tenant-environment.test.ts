import { describe, expect, it } from 'vitest';
import { tenantFromEnvironment } from '../../../electron/host/cli/tenant-environment';
import { ConsoleFailure, type ConsoleError } from '../../../shared/errors';

const refusal = (env: Record<string, string>): ConsoleError => {
  try {
    tenantFromEnvironment(env);
  } catch (thrown) {
    if (thrown instanceof ConsoleFailure) return thrown.error;
  }
  throw new Error('expected a refusal');
};

const adminEnv = { CXONE_KIND: 'admin-api', CXONE_ACCESS_KEY_ID: 'AK1', CXONE_ACCESS_KEY_SECRET: 's3cret' };

describe('the tenant the command line reads from CXONE_*', () => {
  it('CXONE_KIND=admin-api: the issuer defaults to CXone’s commercial cloud, the access key is the profile’s key', async () => {
    const tenant = tenantFromEnvironment(adminEnv);
    expect(tenant.profile).toMatchObject({ adapter: 'cxone-admin', apiBaseUrl: 'https://cxone.niceincontact.com', clientId: 'AK1' });
    expect(await tenant.secret()).toBe('s3cret');
    expect(tenant.options.applicationSecret).toBeUndefined();
  });

  it('reads the API version, the emergency stop and an application registration', async () => {
    const tenant = tenantFromEnvironment({
      ...adminEnv,
      CXONE_API_VERSION: '31.0',
      CXONE_EMERGENCY_STOP: 'forced',
      CXONE_APPLICATION_CLIENT_ID: 'app',
      CXONE_APPLICATION_CLIENT_SECRET: 'app-secret',
    });
    expect(tenant.profile.adminApi).toMatchObject({ apiVersion: '31.0', emergencyStop: 'forced', applicationClientId: 'app' });
    expect(await tenant.options.applicationSecret?.()).toBe('app-secret');
  });

  it('refuses naming the variable: an unknown kind, a bad version or stop mode, an application without its secret', () => {
    expect(refusal({ CXONE_KIND: 'soap' }).target).toBe('CXONE_KIND');
    expect(refusal({ ...adminEnv, CXONE_API_VERSION: 'v33' }).target).toBe('CXONE_API_VERSION');
    expect(refusal({ ...adminEnv, CXONE_EMERGENCY_STOP: 'hard' }).target).toBe('CXONE_EMERGENCY_STOP');
    expect(refusal({ ...adminEnv, CXONE_APPLICATION_CLIENT_ID: 'app' }).target).toBe('CXONE_APPLICATION_CLIENT_SECRET');
    expect(refusal({ ...adminEnv, CXONE_ISSUER: 'ftp://cxone.example.com' }).message).toContain('CXONE_ISSUER');
  });

  it('without CXONE_KIND it is the contract tenant of CXONE_BASE_URL', () => {
    expect(tenantFromEnvironment({ CXONE_BASE_URL: 'https://api.example.com', CXONE_CLIENT_ID: 'c', CXONE_CLIENT_SECRET: 's' }).profile.adapter).toBe(
      'contract',
    );
  });
});
