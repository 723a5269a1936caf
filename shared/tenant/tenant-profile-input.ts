import * as z from 'zod';
import { optionalUrlSettingSchema, urlSettingSchema } from '../url-setting';

export const tenantProfileInputSchema = z.object({
  label: z.string().trim().min(1, 'Give the tenant a name').max(80),
  apiBaseUrl: urlSettingSchema('API base URL'),
  tokenUrl: optionalUrlSettingSchema('Token URL').optional(),
  clientId: z.string().trim().min(1, 'Client ID is required'),
  /** Write-only: sent to main once, stored in the vault, never sent back. Empty keeps the stored one. */
  clientSecret: z.string().optional(),
  maxRequestsPerSecond: z
    .number({ message: 'Start rate must be a number of requests per second' })
    .positive('Start rate must be above 0')
    .max(1000, 'Start rate can be at most 1000 requests per second')
    .optional(),
  maxConcurrency: z
    .number({ message: 'Max requests at once must be a whole number' })
    .int('Max requests at once must be a whole number')
    .positive('Max requests at once must be at least 1')
    .max(64, 'Max requests at once can be at most 64')
    .optional(),
});
export type TenantProfileInput = z.infer<typeof tenantProfileInputSchema>;
