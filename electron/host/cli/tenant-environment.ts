import { ConsoleFailure, consoleError } from '../../../shared/errors';
import { cxoneIssuers, emergencyStopModes, type EmergencyStop, type TenantProfile } from '../../../shared/tenant-profile';
import { urlSettingProblem } from '../../../shared/url-setting';
import { join } from 'node:path';
import type { ConnectOptions } from '../../tenant/connect';
import { savedTokenFile } from '../../tenant/saved-token';

type Environment = Readonly<Record<string, string | undefined>>;

/** The tenant a command talks to, read from CXONE_* variables: a profile, its secret, and for the Admin API its application secret. */
export interface TenantFromEnvironment {
  profile: TenantProfile;
  secret: () => Promise<string>;
  options: Pick<ConnectOptions, 'applicationSecret' | 'savedTokens'>;
}

export const tenantKinds = ['contract', 'admin-api'] as const;

/** Every variable that may hold a secret: redacted from whatever the command line prints. */
export const secretVariables = [
  'CXONE_CLIENT_SECRET',
  'CXONE_ACCESS_KEY_SECRET',
  'CXONE_APPLICATION_CLIENT_SECRET',
  'CXONE_CRM_WEBHOOK_SECRET',
  'CXONE_WFM_WEBHOOK_SECRET',
] as const;

const valueOf = (env: Environment, name: string) => env[name]?.trim() ?? '';

function required(env: Environment, name: string, purpose: string): string {
  const value = valueOf(env, name);
  if (!value) throw new ConsoleFailure(consoleError('configuration', `Set ${name} to ${purpose}.`, { target: name }));
  return value;
}

/** An environment variable holding a URL: https:, or http: on loopback, else refused naming the variable. */
export function checkedUrl(name: string, value: string): string {
  const problem = urlSettingProblem(name, value);
  if (problem) throw new ConsoleFailure(consoleError('configuration', problem, { target: name }));
  return value;
}

/**
 * With a data folder, a contract tenant's token is kept there (sealed with the client secret) for
 * the next command, which then sends its first request without signing in; CXONE_SAVE_TOKEN=0 keeps it in memory only.
 */
function savedTokensOf(env: Environment): Pick<ConnectOptions, 'savedTokens'> {
  const choice = valueOf(env, 'CXONE_SAVE_TOKEN');
  if (choice !== '' && choice !== '0' && choice !== '1') {
    throw new ConsoleFailure(
      consoleError('configuration', 'CXONE_SAVE_TOKEN must be 1 (keep the token in the data folder, the default) or 0 (never).', {
        target: 'CXONE_SAVE_TOKEN',
      }),
    );
  }
  const dataDir = valueOf(env, 'CXONE_DATA_DIR');
  if (choice === '0' || dataDir === '') return {};
  return { savedTokens: (binding) => savedTokenFile(join(dataDir, 'tokens'), binding) };
}

function contractTenant(env: Environment): TenantFromEnvironment {
  const apiBaseUrl = checkedUrl('CXONE_BASE_URL', required(env, 'CXONE_BASE_URL', 'the tenant API base URL, e.g. https://api.example.com'));
  const clientId = required(env, 'CXONE_CLIENT_ID', 'the API client id');
  const secret = required(env, 'CXONE_CLIENT_SECRET', 'the API client secret');
  const tokenUrl = valueOf(env, 'CXONE_TOKEN_URL');
  if (tokenUrl) checkedUrl('CXONE_TOKEN_URL', tokenUrl);
  return {
    profile: {
      id: 'cli',
      label: new URL(apiBaseUrl).host,
      adapter: 'contract',
      apiBaseUrl,
      ...(tokenUrl ? { tokenUrl } : {}),
      clientId,
      credentialRef: 'env:CXONE_CLIENT_SECRET',
    },
    secret: async () => secret,
    options: savedTokensOf(env),
  };
}

function emergencyStopOf(env: Environment): EmergencyStop | undefined {
  const raw = valueOf(env, 'CXONE_EMERGENCY_STOP').toLowerCase();
  if (!raw) return undefined;
  const mode = emergencyStopModes.find((known) => known === raw);
  if (!mode) {
    throw new ConsoleFailure(
      consoleError('configuration', `CXONE_EMERGENCY_STOP must be ${emergencyStopModes.join(' or ')}.`, { target: 'CXONE_EMERGENCY_STOP' }),
    );
  }
  return mode;
}

function adminApiTenant(env: Environment): TenantFromEnvironment {
  const issuer = checkedUrl('CXONE_ISSUER', valueOf(env, 'CXONE_ISSUER') || cxoneIssuers.commercial);
  const accessKeyId = required(env, 'CXONE_ACCESS_KEY_ID', 'the CXone access key id');
  const secret = required(env, 'CXONE_ACCESS_KEY_SECRET', 'the CXone access key secret');
  const apiVersion = valueOf(env, 'CXONE_API_VERSION');
  if (apiVersion && !/^\d{1,2}\.\d$/.test(apiVersion)) {
    throw new ConsoleFailure(consoleError('configuration', 'CXONE_API_VERSION must look like 33.0.', { target: 'CXONE_API_VERSION' }));
  }
  const applicationClientId = valueOf(env, 'CXONE_APPLICATION_CLIENT_ID');
  const applicationSecret = applicationClientId ? required(env, 'CXONE_APPLICATION_CLIENT_SECRET', 'the secret of CXONE_APPLICATION_CLIENT_ID') : '';
  const emergencyStop = emergencyStopOf(env);
  return {
    profile: {
      id: 'cli',
      label: new URL(issuer).host,
      adapter: 'cxone-admin',
      apiBaseUrl: issuer,
      clientId: accessKeyId,
      credentialRef: 'env:CXONE_ACCESS_KEY_SECRET',
      adminApi: {
        ...(apiVersion ? { apiVersion } : {}),
        ...(applicationClientId ? { applicationClientId, applicationCredentialRef: 'env:CXONE_APPLICATION_CLIENT_SECRET' } : {}),
        ...(emergencyStop ? { emergencyStop } : {}),
      },
    },
    secret: async () => secret,
    options: applicationClientId ? { applicationSecret: async () => applicationSecret } : {},
  };
}

/** CXONE_KIND picks the kind: contract (default; CXONE_BASE_URL, …) or admin-api (CXONE_ISSUER, CXONE_ACCESS_KEY_ID, …). */
export function tenantFromEnvironment(env: Environment): TenantFromEnvironment {
  const kind = valueOf(env, 'CXONE_KIND').toLowerCase() || 'contract';
  if (kind === 'admin-api') return adminApiTenant(env);
  if (kind === 'contract') return contractTenant(env);
  throw new ConsoleFailure(consoleError('configuration', `CXONE_KIND must be ${tenantKinds.join(' or ')}.`, { target: 'CXONE_KIND' }));
}
