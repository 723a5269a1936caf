import * as z from 'zod';
import { auditChainReportSchema } from '../../audit/audit-chain';
import { auditEntrySchema } from '../../audit/audit-entry';
import { auditExportRequestSchema, auditExportSchema } from '../../audit/audit-export';
import { auditPageSchema, auditQueryRequestSchema } from '../../audit/audit-page';
import { requestChannel } from '../define';

export const auditRequestChannels = {
  'audit:query': requestChannel(auditQueryRequestSchema, auditPageSchema),
  'audit:exportCsv': requestChannel(auditExportRequestSchema, auditExportSchema),
  'audit:verify': requestChannel(z.object({}), auditChainReportSchema),
};

export const auditEventChannels = {
  /** Every entry the writer has made durable, as it happens. */
  'audit:appended': auditEntrySchema,
};
