import * as z from 'zod';
import { campaignSchema } from '../cxone/schemas';
import { consoleErrorSchema } from '../errors';
import { newCampaignFormSchema } from './campaign-form';
import { referenceCheckSchema } from './reference-check';

const auditValueSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/**
 * The simulation as the audit keeps it: the inputs it ran with and what it recommended,
 * as flat name → value records so the entry stays readable whatever the model grows.
 */
export const simulationSummarySchema = z.object({
  inputs: z.record(z.string(), auditValueSchema),
  recommendation: z.record(z.string(), auditValueSchema),
});
export type SimulationSummary = z.infer<typeof simulationSummarySchema>;

export const createCampaignRequestSchema = z.object({
  form: newCampaignFormSchema,
  simulation: simulationSummarySchema.nullable(),
});
export type CreateCampaignRequest = z.infer<typeof createCampaignRequestSchema>;

export const marketingSyncSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('off') }),
  z.object({ status: z.literal('skipped'), reason: z.string() }),
  z.object({
    status: z.literal('queued'),
    subscriptionId: z.string(),
    /** False when the tenant subscription already existed from an earlier campaign. */
    subscriptionCreated: z.boolean(),
    notificationId: z.string(),
  }),
  z.object({ status: z.literal('failed'), error: consoleErrorSchema }),
]);
export type MarketingSync = z.infer<typeof marketingSyncSchema>;

/**
 * created: 201 from the tenant.
 * recovered: the POST failed ambiguously (timeout, 5xx after the handler, dropped connection)
 *   and a look-up by exact name found the campaign: it was created.
 * rejected: nothing was created (references, 400/403/422); fieldMessages point at wizard fields.
 * not_created: the POST failed ambiguously and the look-up proved no such campaign exists; safe to try again.
 * unknown: the POST failed ambiguously and the look-up failed too; check the campaign list before trying again.
 */
export const createCampaignResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('created'), campaign: campaignSchema, latencyMs: z.number(), marketing: marketingSyncSchema }),
  z.object({
    outcome: z.literal('recovered'),
    campaign: campaignSchema,
    latencyMs: z.number(),
    error: consoleErrorSchema,
    marketing: marketingSyncSchema,
  }),
  z.object({
    outcome: z.literal('rejected'),
    error: consoleErrorSchema,
    fieldMessages: z.record(z.string(), z.string()),
    referenceCheck: referenceCheckSchema.nullable(),
  }),
  z.object({ outcome: z.literal('not_created'), error: consoleErrorSchema }),
  z.object({ outcome: z.literal('unknown'), error: consoleErrorSchema, lookupError: consoleErrorSchema }),
]);
export type CreateCampaignResult = z.infer<typeof createCampaignResultSchema>;
