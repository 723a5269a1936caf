import * as z from 'zod';
import { outcomeDispositionMappingSchema } from './tenant/outcome-disposition-mapping';
import { urlSettingSchema } from './url-setting';

/** Which adapter speaks to the tenant: the reconciled contract, or the real CXone Admin API. */
export const tenantAdapters = ['contract', 'cxone-admin'] as const;
export const tenantAdapterSchema = z.enum(tenantAdapters);
export type TenantAdapter = z.infer<typeof tenantAdapterSchema>;

/** How an emergency pause stops an Admin API skill: calls in progress finish (default), or the forced stop. */
export const emergencyStopModes = ['without_force', 'forced'] as const;
export const emergencyStopSchema = z.enum(emergencyStopModes);
export type EmergencyStop = z.infer<typeof emergencyStopSchema>;

/**
 * CXone's issuers: the commercial cloud (default) and the government cloud. Gap: the public
 * facts name the government cloud only as "cxone-gov"; its issuer is assumed to follow the
 * commercial one's form. Either way it is a URL setting the lead can correct.
 */
export const cxoneIssuers = { commercial: 'https://cxone.niceincontact.com', government: 'https://cxone-gov.niceincontact.com' } as const;

/** The API version setting: "33.0" (the API lives under /inContactAPI/services/v33.0/). */
export const adminApiVersionSchema = z.string().regex(/^\d{1,2}\.\d$/, 'must look like 33.0');

/**
 * What only a `cxone-admin` profile has. Its `apiBaseUrl` is the issuer, its `clientId` the
 * access key id and its `credentialRef` the vault slot of the access key secret.
 */
export const adminApiProfileSettingsSchema = z.object({
  apiVersion: adminApiVersionSchema.optional(),
  /** An application registration (password grant at the discovered token endpoint) instead of the access-key endpoint. */
  applicationClientId: z.string().min(1).optional(),
  /** The vault slot of the application's client secret; never the secret. */
  applicationCredentialRef: z.string().min(1).optional(),
  emergencyStop: emergencyStopSchema.optional(),
  /** Outcome code → the tenant's disposition id, edited in Settings; absent: matched by name. */
  outcomeDispositions: outcomeDispositionMappingSchema.optional(),
});
export type AdminApiProfileSettings = z.infer<typeof adminApiProfileSettingsSchema>;

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
  /** Only for `adapter: 'cxone-admin'`. */
  adminApi: adminApiProfileSettingsSchema.optional(),
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
