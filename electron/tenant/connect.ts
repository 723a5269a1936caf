import { ConsoleFailure, consoleError } from '../../shared/errors';
import { tenantProfileSchema, type AdminApiProfileSettings, type TenantProfile } from '../../shared/tenant-profile';
import { systemClock, type Clock } from './clock';
import { connectAdminApiTenant } from './admin-api/admin-api-connection';
import { connectContractTenant } from './contract/contract-connection';
import type { TenantConnection } from './ports';
import type { RetryPolicyOptions } from './retry-policy';
import type { SavedTokenStore, TokenBinding } from './saved-token';

export interface ConnectOptions {
  fetch?: typeof globalThis.fetch;
  clock?: Clock;
  /** Tests shorten backoff; production keeps the defaults. */
  retry?: RetryPolicyOptions;
  /** Page size used when a caller names none (default 100, 500 for reference data and agents). */
  pageSize?: number;
  /** Reads the application client secret of a `cxone-admin` profile with an application registration. */
  applicationSecret?: () => Promise<string>;
  /**
   * The settings of a `cxone-admin` profile that change without reconnecting (emergency stop
   * mode, outcome → disposition mapping), read when used; default: the profile's own.
   */
  adminApiSettings?: () => AdminApiProfileSettings;
  /** Keeps a contract tenant's token between processes (the command line); default: memory only. */
  savedTokens?: (binding: TokenBinding) => SavedTokenStore;
}

/**
 * The one place that picks an adapter for a tenant profile. Services only ever see the
 * returned ports: the contract adapter, or the CXone Admin API adapter for `cxone-admin`.
 * The secret is read through `secret()` when a token is needed and never stored here.
 */
export function connectTenant(profile: TenantProfile, secret: () => Promise<string>, options: ConnectOptions = {}): TenantConnection {
  const checked = tenantProfileSchema.safeParse(profile);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const field = issue?.path.join('.') || 'profile';
    throw new ConsoleFailure(
      consoleError(
        'configuration',
        `The tenant profile "${profile.label}" is not usable: ${field} ${issue?.message ?? 'is invalid'}; correct it in Settings.`,
        { target: field },
      ),
    );
  }
  const common = {
    fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
    clock: options.clock ?? systemClock,
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.pageSize ? { pageSize: options.pageSize } : {}),
  };
  switch (checked.data.adapter) {
    case 'contract':
      return connectContractTenant(checked.data, secret, { ...common, ...(options.savedTokens ? { savedTokens: options.savedTokens } : {}) });
    case 'cxone-admin': {
      const settings = checked.data.adminApi ?? {};
      const applicationClientId = settings.applicationClientId;
      if (applicationClientId && !options.applicationSecret) {
        throw new ConsoleFailure(
          consoleError('configuration', `The application client id of "${profile.label}" has no client secret; enter it in Settings.`, {
            target: 'applicationClientSecret',
          }),
        );
      }
      return connectAdminApiTenant(checked.data, secret, {
        ...common,
        ...(settings.apiVersion ? { apiVersion: settings.apiVersion } : {}),
        ...(settings.emergencyStop ? { emergencyStop: settings.emergencyStop } : {}),
        ...(options.adminApiSettings ? { liveSettings: options.adminApiSettings } : {}),
        ...(applicationClientId && options.applicationSecret
          ? { application: { clientId: applicationClientId, clientSecret: options.applicationSecret } }
          : {}),
      });
    }
  }
}
