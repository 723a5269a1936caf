import { CronExpressionParser } from 'cron-parser';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import { campaignDefinitionSchema, dialerTypes, type CampaignDefinition } from '../../shared/cxone/schemas';
import { apiErrors, checkBody, type ApiErrorDetail, type Checked } from './answers';
import type { DemoTenantState } from './public-types';

/**
 * The dialer type is checked semantically (422) rather than by the schema (400),
 * as the contract lists an unknown dialer type among the 422 cases.
 */
const looseDefinitionSchema = campaignDefinitionSchema.extend({ dialerType: z.string().min(1) });
const looseReplacementSchema = looseDefinitionSchema.extend({ version: z.number().int().min(0) });

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

function semanticErrors(definition: z.infer<typeof looseDefinitionSchema>, state: DemoTenantState): ApiErrorDetail[] {
  const errors: ApiErrorDetail[] = [];
  if (!(dialerTypes as readonly string[]).includes(definition.dialerType)) {
    errors.push({ code: 'UNKNOWN_DIALER_TYPE', message: `Dialer type "${definition.dialerType}" does not exist; use one of ${dialerTypes.join(', ')}.`, path: 'dialerType' });
  }
  if (!state.contactLists.has(definition.contactListId)) {
    errors.push({ code: 'UNKNOWN_REFERENCE', message: `Contact list ${definition.contactListId} does not exist.`, path: 'contactListId' });
  }
  definition.wrapUpCodeIds.forEach((id, index) => {
    if (!state.wrapUpCodes.has(id)) {
      errors.push({ code: 'UNKNOWN_REFERENCE', message: `Wrap-up code ${id} does not exist.`, path: `wrapUpCodeIds[${index}]` });
    }
  });
  if (definition.dncListId !== null && !state.dncLists.has(definition.dncListId)) {
    errors.push({ code: 'UNKNOWN_REFERENCE', message: `DNC list ${definition.dncListId} does not exist.`, path: 'dncListId' });
  }
  const schedule = definition.schedule;
  if (schedule) {
    if (!isFiveFieldCron(schedule.cronExpression)) {
      errors.push({ code: 'INVALID_CRON', message: `"${schedule.cronExpression}" is not a valid 5-field cron expression.`, path: 'schedule.cronExpression' });
    }
    if (!IANAZone.isValidZone(schedule.timezone)) {
      errors.push({ code: 'UNKNOWN_TIMEZONE', message: `"${schedule.timezone}" is not an IANA time zone.`, path: 'schedule.timezone' });
    }
    if (Date.parse(schedule.endTime) <= Date.parse(schedule.startTime)) {
      errors.push({ code: 'INVALID_VALUE', message: 'The schedule must end after it starts.', path: 'schedule.endTime' });
    }
  }
  return errors;
}

function checkSemantics<T extends z.infer<typeof looseDefinitionSchema>>(value: T, state: DemoTenantState): Checked<T & { dialerType: CampaignDefinition['dialerType'] }> {
  const errors = semanticErrors(value, state);
  if (errors.length > 0) return { ok: false, answer: apiErrors(422, errors) };
  return { ok: true, value: value as T & { dialerType: CampaignDefinition['dialerType'] } };
}

/** POST body: a definition without server-owned fields (400), then schema (400), then meaning (422). */
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
  if (!parsed.ok) return parsed;
  return checkSemantics(parsed.value, state);
}

/** PUT body: schema only; versions and meaning are checked by the caller in contract order. */
export function parseReplacement(body: unknown, campaignId: string): Checked<z.infer<typeof looseReplacementSchema>> {
  if (isRecord(body) && 'id' in body && body.id !== campaignId) {
    return { ok: false, answer: apiErrors(400, [{ code: 'INVALID_VALUE', message: `id ${String(body.id)} does not match the campaign in the path.`, path: 'id' }]) };
  }
  return checkBody(body, looseReplacementSchema);
}

export function checkReplacementSemantics(
  replacement: z.infer<typeof looseReplacementSchema>,
  state: DemoTenantState,
): Checked<CampaignDefinition & { version: number }> {
  return checkSemantics(replacement, state);
}
