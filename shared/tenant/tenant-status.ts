import * as z from 'zod';
import { consoleErrorSchema } from '../errors';
import { emergencyStopSchema, tenantAdapterSchema } from '../tenant-profile';

export const connectionStates = ['connecting', 'connected', 'degraded', 'disconnected', 'error'] as const;

export const tenantStatusSchema = z.object({
  profileId: z.string().nullable(),
  label: z.string(),
  /** Which kind of tenant: the contract one or CXone's Admin API; absent before the first connection. */
  adapter: tenantAdapterSchema.optional(),
  isDemo: z.boolean(),
  /** Admin API tenants only: how the emergency pause stops a skill (Settings changes it on its own). */
  emergencyStop: emergencyStopSchema.optional(),
  apiBaseUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  credentialsConfigured: z.boolean(),
  connection: z.enum(connectionStates),
  lastError: consoleErrorSchema.nullable(),
  checkedAt: z.string().nullable(),
});
export type TenantStatus = z.infer<typeof tenantStatusSchema>;
