import { ConsoleFailure, consoleError } from '../../shared/errors';
import { tenantProfileSchema, type TenantProfile } from '../../shared/tenant-profile';
import { systemClock, type Clock } from './clock';
import { connectContractTenant } from './contract/contract-connection';
import type { TenantConnection } from './ports';
import type { RetryPolicyOptions } from './retry-policy';

export interface ConnectOptions {
  fetch?: typeof globalThis.fetch;
  clock?: Clock;
  /** Tests shorten backoff; production keeps the defaults. */
  retry?: RetryPolicyOptions;
  /** Page size used when a caller names none (default 100, 500 for reference data and agents). */
  pageSize?: number;
}

/**
 * The one place that picks an adapter for a tenant profile. Services only ever see the
 * returned ports, so the CXone admin adapter can arrive without touching them.
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
  switch (checked.data.adapter) {
    case 'contract':
      return connectContractTenant(checked.data, secret, {
        fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
        clock: options.clock ?? systemClock,
        ...(options.retry ? { retry: options.retry } : {}),
        ...(options.pageSize ? { pageSize: options.pageSize } : {}),
      });
    case 'cxone-admin':
      throw new ConsoleFailure(
        consoleError(
          'configuration',
          `The CXone admin API adapter for "${profile.label}" is not yet supported; use a tenant that speaks the outbound contract.`,
          { target: 'adapter' },
        ),
      );
  }
}
