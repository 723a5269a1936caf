import type { z } from 'zod';
import type { ErrorDetail } from '../errors';
import type { NewCampaignField } from './campaign-form';

/** Field name → the first message for it; what the wizard shows under each input. */
export type FieldMessages = Partial<Record<NewCampaignField, string>>;

const formFields: readonly NewCampaignField[] = [
  'name',
  'dialerType',
  'contactListId',
  'wrapUpCodeIds',
  'maxCallsPerHour',
  'agentAllocation',
  'maxConcurrentCalls',
  'suppressDnc',
  'suppressDoNotCallList',
  'dncListId',
  'dncRules',
  'region',
  'timezone',
  'marketingSync',
];

const isFormField = (name: string): name is NewCampaignField => (formFields as readonly string[]).includes(name);

/** Zod issues of the form schema, one message per field (the first one wins). */
export function fieldMessagesOf(error: z.ZodError): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of error.issues) {
    const head = String(issue.path[0] ?? '');
    if (isFormField(head) && messages[head] === undefined) messages[head] = issue.message;
  }
  return messages;
}

/**
 * Maps a tenant error path of the campaign body (contract §3: `rules.maxConcurrentCalls`,
 * `wrapUpCodeIds[1]`, `customAttributes.region`) onto the wizard field that sets it.
 */
export function formFieldOfTenantPath(path: string): NewCampaignField | null {
  const head = path.split(/[.[]/)[0] ?? '';
  if (head === 'rules') return 'maxConcurrentCalls';
  if (head === 'customAttributes') return path.includes('timezone') ? 'timezone' : 'region';
  if (head === 'suppressionRules') return 'suppressDoNotCallList';
  return isFormField(head) ? head : null;
}

/** Tenant error details as field messages; details without a known field are left out. */
export function fieldMessagesOfTenantDetails(details: readonly ErrorDetail[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const detail of details) {
    const field = detail.path ? formFieldOfTenantPath(detail.path) : null;
    if (field && messages[field] === undefined) messages[field] = detail.message;
  }
  return messages;
}
