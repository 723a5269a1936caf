import * as z from 'zod';

/** The logical fields a disposition file provides, whatever its headers are called. */
export const dispositionFields = ['contactId', 'campaignId', 'outcomeCode', 'agentId', 'notes', 'dispositionTimestamp'] as const;
export type Field = (typeof dispositionFields)[number];
export const fieldSchema = z.enum(dispositionFields);

export const requiredFields: readonly Field[] = ['contactId', 'campaignId', 'outcomeCode', 'agentId'];

export const fieldLabels: Record<Field, string> = {
  contactId: 'contact ID',
  campaignId: 'campaign ID',
  outcomeCode: 'outcome code',
  agentId: 'agent ID',
  notes: 'notes',
  dispositionTimestamp: 'disposition timestamp',
};

export const notesMaxChars = 4000;

/**
 * Which header of the file each field is read from. Serialisable so the app can
 * show the suggestion and let the user confirm or fix it.
 */
export const columnMappingSchema = z.object({
  /** Field → header it is read from; null: no column provides it. */
  fields: z.object({
    contactId: z.string().nullable(),
    campaignId: z.string().nullable(),
    outcomeCode: z.string().nullable(),
    agentId: z.string().nullable(),
    notes: z.string().nullable(),
    dispositionTimestamp: z.string().nullable(),
  }),
  /** Custom field key (sent in `customFields`) → header it is read from. */
  customFields: z.record(z.string(), z.string()),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const emptyColumnMapping = (): ColumnMapping => ({
  fields: { contactId: null, campaignId: null, outcomeCode: null, agentId: null, notes: null, dispositionTimestamp: null },
  customFields: {},
});
