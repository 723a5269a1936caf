import * as z from 'zod';
import { contactListSchema, dncListSchema, wrapUpCodeSchema } from '../cxone/schemas';
import { consoleErrorSchema } from '../errors';

/** What a definition refers to on the tenant, and the unique name the creation relies on. */
export const referenceKinds = ['campaignName', 'contactList', 'wrapUpCode', 'dncList'] as const;
export type ReferenceKind = (typeof referenceKinds)[number];

/**
 * ok: usable. missing: the tenant has no such id. inactive: a DNC list that is not ACTIVE.
 * duplicate: a campaign of that exact name exists. unchecked: the tenant could not be asked.
 */
export const referenceStatuses = ['ok', 'missing', 'inactive', 'duplicate', 'unchecked'] as const;
export type ReferenceStatus = (typeof referenceStatuses)[number];

export const referenceCheckItemSchema = z.object({
  kind: z.enum(referenceKinds),
  /** The id (or, for the name, the name) that was checked. */
  reference: z.string(),
  /** The wizard field that holds this reference. */
  field: z.enum(['name', 'contactListId', 'wrapUpCodeIds', 'dncListId']),
  status: z.enum(referenceStatuses),
  /** One sentence: which reference and why it is (not) usable. */
  message: z.string(),
  /** The tenant's name for it, when it was found. */
  name: z.string().nullable(),
  error: consoleErrorSchema.optional(),
});
export type ReferenceCheckItem = z.infer<typeof referenceCheckItemSchema>;

export const referenceCheckSchema = z.object({
  passed: z.boolean(),
  checkedAt: z.string(),
  items: z.array(referenceCheckItemSchema),
  /** The contact list as read during the check: its record count sizes the simulation. */
  contactList: contactListSchema.nullable(),
});
export type ReferenceCheck = z.infer<typeof referenceCheckSchema>;

export const referencePassed = (items: readonly ReferenceCheckItem[]) => items.every((item) => item.status === 'ok');

/** The tenant's reference data for the wizard's pickers. */
export const referenceCatalogSchema = z.object({
  contactLists: z.array(contactListSchema),
  wrapUpCodes: z.array(wrapUpCodeSchema),
  dncLists: z.array(dncListSchema),
});
export type ReferenceCatalog = z.infer<typeof referenceCatalogSchema>;
