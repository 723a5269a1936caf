import * as z from 'zod';
import { cxoneIssuers, emergencyStopSchema } from '../tenant-profile';
import { urlSettingSchema } from '../url-setting';
import { tenantProfileInputSchema } from './tenant-profile-input';

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
  // The same pacing settings, with the same wording, as the contract kind's form.
  maxRequestsPerSecond: tenantProfileInputSchema.shape.maxRequestsPerSecond,
  maxConcurrency: tenantProfileInputSchema.shape.maxConcurrency,
});
export type AdminApiProfileInput = z.infer<typeof adminApiProfileInputSchema>;
