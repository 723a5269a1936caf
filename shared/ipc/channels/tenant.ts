import { z } from 'zod';
import { requestLogEntrySchema } from '../../tenant/request-log-entry';
import { tenantProfileInputSchema } from '../../tenant/tenant-profile-input';
import { tenantStatusSchema } from '../../tenant/tenant-status';
import { requestChannel } from '../define';

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
