import * as z from 'zod';

/** What the adapter reads of the Admin API's answers; unknown fields pass unread. */

const id = z.union([z.number(), z.string()]).transform((value) => String(value));

export const openIdConfigurationSchema = z.object({ token_endpoint: z.string().min(1) });

export const cxoneConfigurationSchema = z.object({ api_endpoint: z.string().min(1) });

export const adminTokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive().optional(),
  id_token: z.string().min(1),
  refresh_token: z.string().optional(),
});

export const idTokenClaimsSchema = z.object({
  tenantId: z.string().min(1),
  icBUId: z.union([z.number(), z.string()]).optional(),
  icClusterId: z.string().optional(),
});
export type IdTokenClaims = z.infer<typeof idTokenClaimsSchema>;

export const skillDispositionSchema = z.object({ dispositionId: id, dispositionName: z.string() });
export type SkillDisposition = z.infer<typeof skillDispositionSchema>;

export const adminSkillSchema = z.object({
  skillId: id,
  skillName: z.string(),
  isActive: z.boolean(),
  isOutbound: z.boolean(),
  outboundStrategy: z.string().nullable().optional(),
  isRunning: z.boolean().optional().default(false),
  campaignId: id.nullable().optional(),
  campaignName: z.string().nullable().optional(),
  requireDisposition: z.boolean().optional(),
  dispositions: z.array(skillDispositionSchema).optional().default([]),
});
export type AdminSkill = z.infer<typeof adminSkillSchema>;

/**
 * A skip/top page `{totalRecords, <key>: [...]}`, read as `{totalRecords, items}`; an empty
 * body (a listing with no records) reads as an empty page.
 */
export const skipTopPageOf = <T extends z.ZodType>(key: string, item: T) =>
  z.preprocess(
    (raw) => {
      if (raw === undefined) return { items: [] };
      if (typeof raw !== 'object' || raw === null) return raw;
      const page = raw as Record<string, unknown>;
      return { totalRecords: page.totalRecords, items: page[key] ?? [] };
    },
    z.object({ totalRecords: z.number().int().min(0).optional(), items: z.array(item) }),
  );

export const dispositionReadBackSchema = z.object({
  contactId: id,
  skillId: id.nullable().optional(),
  dispositionCode: id.nullable().optional(),
  dispositionName: z.string().nullable().optional(),
  notes: z.string().nullable().optional(),
});

export const adminAgentStateSchema = z.object({
  agentId: id,
  agentStateName: z.string(),
  skillId: id.nullable().optional(),
  isOutbound: z.boolean().optional(),
  contactId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  startDate: z.string().optional(),
});

export const callingListSchema = z.object({
  listId: id,
  listName: z.string(),
  status: z.string().optional(),
  totalRecords: z.number().int().min(0).optional(),
});

export const dncGroupSchema = z.object({
  dncGroupId: id,
  dncGroupName: z.string(),
  isActive: z.boolean().optional(),
});

export const dncGroupRecordSchema = z.object({ phoneNumber: z.string(), expiredDate: z.string().nullable().optional() });

export const dncSearchRecordSchema = z.object({ dncGroupId: id, phoneNumber: z.string().optional() });

/** `POST /skills`: 200 with a result per item. */
export const skillsResultsSchema = z.object({
  skillsResults: z.array(z.object({ success: z.boolean(), skillId: id.nullable().optional(), error: z.string().nullable().optional() })),
});
