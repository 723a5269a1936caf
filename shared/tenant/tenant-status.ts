import { z } from 'zod';
import { consoleErrorSchema } from '../errors';

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
