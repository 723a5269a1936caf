import { z } from 'zod';
import { cxoneIssuers, emergencyStopSchema } from '../tenant-profile';
import { urlSettingSchema } from '../url-setting';

/** Settings' form for a "CXone (Admin API)" tenant; every message names its field. */
export const adminApiProfileInputSchema = z.object({
  label: z.string().trim().min(1, 'Give the tenant a name').max(80),
  issuer: urlSettingSchema('Issuer').default(cxoneIssuers.commercial),
  accessKeyId: z.string().trim().min(1, 'Access key ID is required'),
  /** Write-only: sent to main once, stored in the vault, never sent back. Empty keeps the stored one. */
  accessKeySecret: z.string().optional(),
  apiVersion: z
    .string()
    .trim()
    .regex(/^\d{1,2}\.\d$/, 'API version must look like 33.0')
    .optional(),
  /** An application registration: optional, and its secret is write-only like the access key secret. */
  applicationClientId: z.string().trim().optional(),
  applicationClientSecret: z.string().optional(),
  emergencyStop: emergencyStopSchema.default('without_force'),
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
export type AdminApiProfileInput = z.infer<typeof adminApiProfileInputSchema>;
