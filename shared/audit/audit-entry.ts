import * as z from 'zod';

/** Who acted: a person, an automation rule, a CSV import, the console itself, or the command line. */
export const auditActorTypes = ['user', 'rule', 'import', 'system', 'cli'] as const;
export const auditActorSchema = z.object({
  type: z.enum(auditActorTypes),
  name: z.string(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

/** 'partial' is used by runs over many items where some succeeded (e.g. a disposition import). */
export const auditOutcomes = ['success', 'already', 'impossible', 'failed', 'skipped', 'cancelled', 'partial'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

/** `type` is open ('campaign', 'contact', 'import', 'settings', 'tenant', …) so new features need no schema change. */
export const auditTargetSchema = z.object({
  type: z.string(),
  id: z.string(),
  name: z.string().optional(),
});
export type AuditTarget = z.infer<typeof auditTargetSchema>;

/** What a caller hands to the audit writer; seq, time and hashes are added by the writer. */
export const auditEntryInputSchema = z.object({
  actor: auditActorSchema,
  /** The tenant profile the action ran against (id or label). */
  tenant: z.string(),
  /** Dotted verb, e.g. 'campaign.pause', 'campaign.emergency_pause', 'disposition.apply'. */
  action: z.string().min(1),
  target: auditTargetSchema,
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  outcome: z.enum(auditOutcomes),
  reason: z.string().optional(),
  latencyMs: z.number().optional(),
  details: z.unknown().optional(),
});
export type AuditEntryInput = z.infer<typeof auditEntryInputSchema>;

/** sha256 hex: 64 lowercase hex digits. */
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const auditEntrySchema = auditEntryInputSchema.extend({
  seq: z.number().int().positive(),
  /** ISO-8601 time the writer accepted the entry. */
  at: z.string(),
  /** Hash of the previous entry; `genesisHash` for seq 1. */
  prevHash: sha256Hex,
  /** sha256 of the canonical serialisation of every other field (prevHash included). */
  hash: sha256Hex,
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const genesisHash = '0'.repeat(64);
