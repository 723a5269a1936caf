import { z } from 'zod';
import { requestLogEntrySchema } from '../../tenant/request-log-entry';
import { adminApiProfileInputSchema } from '../../tenant/admin-api-profile-input';
import { tenantProfileInputSchema } from '../../tenant/tenant-profile-input';
import { tenantAdapterSchema } from '../../tenant-profile';
import { tenantStatusSchema } from '../../tenant/tenant-status';
import { requestChannel } from '../define';

export const tenantRequestChannels = {
  'tenant:status': requestChannel(z.object({}), tenantStatusSchema),
  'tenant:reconnect': requestChannel(z.object({}), tenantStatusSchema),
  /** Without a kind: the contract demo tenant; `cxone-admin`: the simulated Admin API tenant. */
  'tenant:useDemo': requestChannel(z.object({ kind: tenantAdapterSchema.optional() }), tenantStatusSchema),
  'tenant:connect': requestChannel(tenantProfileInputSchema, tenantStatusSchema),
  'tenant:connectAdminApi': requestChannel(adminApiProfileInputSchema, tenantStatusSchema),
  'tenant:requestLog': requestChannel(z.object({ limit: z.number().int().positive().max(1000).default(200) }), z.array(requestLogEntrySchema)),
};

export const tenantEventChannels = {
  'tenant:statusChanged': tenantStatusSchema,
  'tenant:requestLogged': requestLogEntrySchema,
};
