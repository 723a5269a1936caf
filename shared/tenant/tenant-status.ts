import { z } from 'zod';
import { consoleErrorSchema } from '../errors';
import { tenantAdapterSchema } from '../tenant-profile';

export const connectionStates = ['connecting', 'connected', 'degraded', 'disconnected', 'error'] as const;

export const tenantStatusSchema = z.object({
  profileId: z.string().nullable(),
  label: z.string(),
  /** Which kind of tenant: the contract one or CXone's Admin API; absent before the first connection. */
  adapter: tenantAdapterSchema.optional(),
  isDemo: z.boolean(),
  apiBaseUrl: z.string().nullable(),
  clientId: z.string().nullable(),
  credentialsConfigured: z.boolean(),
  connection: z.enum(connectionStates),
  lastError: consoleErrorSchema.nullable(),
  checkedAt: z.string().nullable(),
});
export type TenantStatus = z.infer<typeof tenantStatusSchema>;
