import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import * as z from 'zod';
import { campaignDefinitionSchema, dialerTypes, maxWindowMinutes, type CampaignDefinition } from '../../shared/cxone/schemas';
import { apiError, apiErrors, checkBody, type ApiErrorDetail, type Checked, type DemoAnswer } from './answers';
import type { DemoTenantState } from './public-types';

/** What a new campaign gets for a field the body leaves out (contract §4.1 marks these optional). */
export const defaultCampaignRules = { maxConcurrentCalls: 8 };

/**
 * The dialer type is checked semantically (422) rather than by the schema (400),
 * as the contract lists an unknown dialer type among the 422 cases. The source
 * documents' minimal body (name, dialerType, contactListId, wrapUpCodeIds,
 * maxCallsPerHour, agentAllocation, suppressionRules) is complete: the rest defaults.
 */
const looseDefinitionSchema = campaignDefinitionSchema.extend({
  dialerType: z.string().min(1),
  dncListId: campaignDefinitionSchema.shape.dncListId.default(null),
  dncRules: campaignDefinitionSchema.shape.dncRules.default([]),
  schedule: campaignDefinitionSchema.shape.schedule.default(null),
  rules: campaignDefinitionSchema.shape.rules.default(() => ({ ...defaultCampaignRules })),
  customAttributes: campaignDefinitionSchema.shape.customAttributes.default(() => ({})),
});
const looseReplacementSchema = campaignDefinitionSchema.extend({ dialerType: z.string().min(1), version: z.number().int().min(0) });

/** The fields the 422 checks read, each taken only when present with the right type. */
const referencesSchema = z.object({
  dialerType: z.string().min(1).optional().catch(undefined),
  contactListId: z.string().min(1).optional().catch(undefined),
  wrapUpCodeIds: z.array(z.string().min(1)).optional().catch(undefined),
  dncListId: z.string().min(1).nullable().optional().catch(undefined),
});

const serverOwnedFields = ['id', 'version', 'status', 'createdAt', 'updatedAt'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFiveFieldCron(expression: string): boolean {
  if (expression.trim().split(/\s+/).length !== 5) return false;
  try {
    CronExpressionParser.parse(expression);
    return true;
  } catch {
    return false;
  }
}

/** Unknown dialer type and references that do not exist, from whichever of those fields the body carries. */
function referenceErrors(references: z.infer<typeof referencesSchema>, state: DemoTenantState): ApiErrorDetail[] {
  const errors: ApiErrorDetail[] = [];
  const { dialerType, contactListId, wrapUpCodeIds, dncListId } = references;
  if (dialerType !== undefined && !(dialerTypes as readonly string[]).includes(dialerType)) {
    errors.push({
      code: 'UNKNOWN_DIALER_TYPE',
      message: `Dialer type "${dialerType}" does not exist; use one of ${dialerTypes.join(', ')}.`,
      path: 'dialerType',
    });
  }
  if (contactListId !== undefined && !state.contactLists.has(contactListId)) {
    errors.push({ code: 'UNKNOWN_REFERENCE', message: `Contact list ${contactListId} does not exist.`, path: 'contactListId' });
  }
  wrapUpCodeIds?.forEach((id, index) => {
    if (!state.wrapUpCodes.has(id)) {
      errors.push({ code: 'UNKNOWN_REFERENCE', message: `Wrap-up code ${id} does not exist.`, path: `wrapUpCodeIds[${index}]` });
    }
  });
  if (dncListId !== undefined && dncListId !== null && !state.dncLists.has(dncListId)) {
    errors.push({ code: 'UNKNOWN_REFERENCE', message: `DNC list ${dncListId} does not exist.`, path: 'dncListId' });
  }
  return errors;
}

function semanticErrors(definition: z.infer<typeof looseReplacementSchema> | z.infer<typeof looseDefinitionSchema>, state: DemoTenantState): ApiErrorDetail[] {
  const errors = referenceErrors(definition, state);
  const schedule = definition.schedule;
  if (schedule) {
    if (!isFiveFieldCron(schedule.cronExpression)) {
      errors.push({ code: 'INVALID_CRON', message: `"${schedule.cronExpression}" is not a valid 5-field cron expression.`, path: 'schedule.cronExpression' });
    }
    if (!IANAZone.isValidZone(schedule.timezone)) {
      errors.push({ code: 'UNKNOWN_TIMEZONE', message: `"${schedule.timezone}" is not an IANA time zone.`, path: 'schedule.timezone' });
    }
    if (schedule.windowMinutes !== undefined && (schedule.windowMinutes < 1 || schedule.windowMinutes > maxWindowMinutes)) {
      errors.push({
        code: 'INVALID_VALUE',
        message: `A calling window lasts 1 to ${maxWindowMinutes} minutes; ${schedule.windowMinutes} is outside that.`,
        path: 'schedule.windowMinutes',
      });
    }
    if (Date.parse(schedule.endTime) <= Date.parse(schedule.startTime)) {
      errors.push({ code: 'INVALID_VALUE', message: 'The schedule must end after it starts.', path: 'schedule.endTime' });
    }
  }
  return errors;
}

function checkSemantics<T extends z.infer<typeof looseReplacementSchema> | z.infer<typeof looseDefinitionSchema>>(
  value: T,
  state: DemoTenantState,
): Checked<T & { dialerType: CampaignDefinition['dialerType'] }> {
  const errors = semanticErrors(value, state);
  if (errors.length > 0) return { ok: false, answer: apiErrors(422, errors) };
  return { ok: true, value: value as T & { dialerType: CampaignDefinition['dialerType'] } };
}

/**
 * POST body: server-owned fields (400); then an unknown dialer type or a missing reference
 * (422) whatever else is absent or wrong; then the schema (400); then the rest of the meaning (422).
 */
export function checkNewCampaign(body: unknown, state: DemoTenantState): Checked<CampaignDefinition> {
  if (isRecord(body)) {
    const present = serverOwnedFields.filter((field) => field in body);
    if (present.length > 0) {
      return {
        ok: false,
        answer: apiErrors(
          400,
          present.map((field) => ({ code: 'READ_ONLY_FIELD', message: `${field} is set by the tenant and must not be sent.`, path: field })),
        ),
      };
    }
  }
  const parsed = checkBody(body, looseDefinitionSchema);
  if (!parsed.ok) {
    const references = isRecord(body) ? referenceErrors(referencesSchema.parse(body), state) : [];
    return references.length > 0 ? { ok: false, answer: apiErrors(422, references) } : parsed;
  }
  return checkSemantics(parsed.value, state);
}

/** PUT body: schema only; versions and meaning are checked by the caller in contract order. */
export function parseReplacement(body: unknown, campaignId: string): Checked<z.infer<typeof looseReplacementSchema>> {
  if (isRecord(body) && 'id' in body && body.id !== campaignId) {
    return {
      ok: false,
      answer: apiErrors(400, [{ code: 'INVALID_VALUE', message: `id ${String(body.id)} does not match the campaign in the path.`, path: 'id' }]),
    };
  }
  return checkBody(body, looseReplacementSchema);
}

export function checkReplacementSemantics(
  replacement: z.infer<typeof looseReplacementSchema>,
  state: DemoTenantState,
): Checked<CampaignDefinition & { version: number }> {
  return checkSemantics(replacement, state);
}

/** A body whose `rules.maxConcurrentCalls` is above the tenant's ceiling: 400 INVALID_VALUE naming the path (a schema bound, checked before the version). */
export function rulesOverLimit(rules: { maxConcurrentCalls: number }, limit: number | undefined): DemoAnswer | null {
  if (limit === undefined || rules.maxConcurrentCalls <= limit) return null;
  return apiError(
    400,
    'INVALID_VALUE',
    `maxConcurrentCalls must be at most ${limit} on this tenant; ${rules.maxConcurrentCalls} is above it.`,
    'rules.maxConcurrentCalls',
  );
}
