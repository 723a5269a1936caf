import { z } from 'zod';
import { urlSettingSchema } from './url-setting';

/** Which adapter speaks to the tenant: the reconciled contract, or (later) the real CXone admin API. */
export const tenantAdapters = ['contract', 'cxone-admin'] as const;
export const tenantAdapterSchema = z.enum(tenantAdapters);
export type TenantAdapter = z.infer<typeof tenantAdapterSchema>;

export const defaultTimeoutMs = 15_000;
export const defaultMaxRequestsPerSecond = 50;
export const defaultMaxConcurrency = 8;

/**
 * Where and how to reach one tenant. Holds the name of the secret in the vault
 * (`credentialRef`), never the secret itself.
 */
export const tenantProfileSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  adapter: tenantAdapterSchema,
  apiBaseUrl: urlSettingSchema('API base URL'),
  /** Defaults to `{apiBaseUrl}/oauth2/token`. */
  tokenUrl: urlSettingSchema('Token URL').optional(),
  /** Prepended to every contract path, for tenants that mount the API below a prefix. */
  pathPrefix: z
    .string()
    .regex(/^(\/[^/?#]+)*$/, 'must start with / and not end with /')
    .optional(),
  clientId: z.string().min(1),
  credentialRef: z.string().min(1),
  /** Scopes asked for in the token request; defaults to every scope the contract uses. */
  scopes: z.array(z.string().min(1)).optional(),
  maxRequestsPerSecond: z.number().positive().max(1000).optional(),
  maxConcurrency: z.number().int().positive().max(64).optional(),
  timeoutMs: z.number().int().positive().max(300_000).optional(),
});
export type TenantProfile = z.infer<typeof tenantProfileSchema>;

/** What a screen may show about the connected tenant: no credentials. */
export interface TenantProfileSummary {
  id: string;
  label: string;
  adapter: TenantAdapter;
  apiBaseUrl: string;
  clientId: string;
}

export function summarizeProfile(profile: TenantProfile): TenantProfileSummary {
  return { id: profile.id, label: profile.label, adapter: profile.adapter, apiBaseUrl: profile.apiBaseUrl, clientId: profile.clientId };
}
