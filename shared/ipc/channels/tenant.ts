import { z } from 'zod';
import { consoleErrorSchema } from '../../errors';
import { optionalUrlSettingSchema, urlSettingSchema } from '../../url-setting';
import { requestChannel } from '../define';

export const connectionStates = ['connecting', 'connected', 'degraded', 'disconnected', 'error'] as const;

export const tenantStatusSchema = z.object({
  profileId: z.string().nullable(),
  label: z.string(),
  isDemo: z.boolean(),
  apiBaseUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  credentialsConfigured: z.boolean(),
  connection: z.enum(connectionStates),
  lastError: consoleErrorSchema.nullable(),
  checkedAt: z.string().nullable(),
});
export type TenantStatus = z.infer<typeof tenantStatusSchema>;

export const requestLogEntrySchema = z.object({
  at: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int().nullable(),
  attempt: z.number().int(),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

export const tenantProfileInputSchema = z.object({
  label: z.string().trim().min(1, 'Give the tenant a name').max(80),
  apiBaseUrl: urlSettingSchema('API base URL'),
  tokenUrl: optionalUrlSettingSchema('Token URL').optional(),
  clientId: z.string().trim().min(1, 'Client ID is required'),
  /** Write-only: sent to main once, stored in the vault, never sent back. Empty keeps the stored one. */
  clientSecret: z.string().optional(),
  maxRequestsPerSecond: z
    .number({ message: 'Max requests per second must be a number' })
    .positive('Max requests per second must be above 0')
    .max(1000, 'Max requests per second can be at most 1000')
    .optional(),
  maxConcurrency: z
    .number({ message: 'Max requests at once must be a whole number' })
    .int('Max requests at once must be a whole number')
    .positive('Max requests at once must be at least 1')
    .max(64, 'Max requests at once can be at most 64')
    .optional(),
});
export type TenantProfileInput = z.infer<typeof tenantProfileInputSchema>;

export const tenantRequestChannels = {
  'tenant:status': requestChannel(z.object({}), tenantStatusSchema),
  'tenant:reconnect': requestChannel(z.object({}), tenantStatusSchema),
  'tenant:useDemo': requestChannel(z.object({}), tenantStatusSchema),
  'tenant:connect': requestChannel(tenantProfileInputSchema, tenantStatusSchema),
  'tenant:requestLog': requestChannel(z.object({ limit: z.number().int().positive().max(1000).default(200) }), z.array(requestLogEntrySchema)),
};

export const tenantEventChannels = {
  'tenant:statusChanged': tenantStatusSchema,
  'tenant:requestLogged': requestLogEntrySchema,
};
