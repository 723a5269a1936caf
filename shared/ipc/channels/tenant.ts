import * as z from 'zod';
import { requestLogEntrySchema } from '../../tenant/request-log-entry';
import { adminApiProfileInputSchema } from '../../tenant/admin-api-profile-input';
import { tenantProfileInputSchema } from '../../tenant/tenant-profile-input';
import { outcomeDispositionMappingSchema, outcomeDispositionViewSchema } from '../../tenant/outcome-disposition-mapping';
import { emergencyStopSchema, tenantAdapterSchema } from '../../tenant-profile';
import { tenantStatusSchema } from '../../tenant/tenant-status';
import { requestChannel } from '../define';

export const tenantRequestChannels = {
  'tenant:status': requestChannel(z.object({}), tenantStatusSchema),
  'tenant:reconnect': requestChannel(z.object({}), tenantStatusSchema),
  /** Without a kind: the contract demo tenant; `cxone-admin`: the simulated Admin API tenant. */
  'tenant:useDemo': requestChannel(z.object({ kind: tenantAdapterSchema.optional() }), tenantStatusSchema),
  'tenant:connect': requestChannel(tenantProfileInputSchema, tenantStatusSchema),
  'tenant:connectAdminApi': requestChannel(adminApiProfileInputSchema, tenantStatusSchema),
  /** Admin API only: how the emergency pause stops skills, changed without the connection form. */
  'tenant:setEmergencyStop': requestChannel(z.object({ emergencyStop: emergencyStopSchema }), tenantStatusSchema),
  /** Admin API only: the outcome code → disposition mapping the disposition import uses. */
  'tenant:outcomeDispositions': requestChannel(z.object({}), outcomeDispositionViewSchema),
  /** Saves it (null: match by name again); a code mapped to a disposition the tenant lacks is refused by name. */
  'tenant:saveOutcomeDispositions': requestChannel(z.object({ mapping: outcomeDispositionMappingSchema.nullable() }), outcomeDispositionViewSchema),
  'tenant:requestLog': requestChannel(z.object({ limit: z.number().int().positive().max(1000).default(200) }), z.array(requestLogEntrySchema)),
};

export const tenantEventChannels = {
  'tenant:statusChanged': tenantStatusSchema,
  'tenant:requestLogged': requestLogEntrySchema,
};
