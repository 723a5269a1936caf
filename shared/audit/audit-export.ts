import * as z from 'zod';
import { auditFiltersSchema, fromNotAfterTo } from './audit-filters';

/** An export asks for what the screen's filters select, without paging. */
export const auditExportRequestSchema = auditFiltersSchema.superRefine(fromNotAfterTo);

export const auditExportSchema = z.object({
  /** audit-YYYYMMDD-HHmm.csv, local time of the export. */
  fileName: z.string(),
  /** Where main saved it: `<dataDir>/exports/<fileName>`. */
  path: z.string(),
  rows: z.number().int().nonnegative(),
  /** The CSV itself for the browser to download; null when it is too large to send (then use `path`). */
  csv: z.string().nullable(),
});
export type AuditExport = z.infer<typeof auditExportSchema>;
