import * as z from 'zod';
import { dialerTypes, dncRuleTypes, type CampaignDefinition } from '../cxone/schemas';

/** True for names the platform's time zone database knows (America/Chicago, UTC …). */
export function isIanaTimeZone(name: string): boolean {
  if (!/^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `Enter ${what} as a whole number` })
    .int(`Enter ${what} as a whole number`)
    .min(min, `${what[0]?.toUpperCase()}${what.slice(1)} must be at least ${min}`)
    .max(max, `${what[0]?.toUpperCase()}${what.slice(1)} must be at most ${max.toLocaleString('en-US')}`);

/**
 * What a lead fills in on the wizard's first step. Every message names the field's
 * problem and what to enter instead; the wizard shows it under the field.
 */
export const newCampaignFormSchema = z
  .object({
    name: z.string().trim().min(1, 'Give the campaign a name').max(128, 'Keep the name to 128 characters or fewer'),
    dialerType: z.enum(dialerTypes, { error: `Pick a dialer type: ${dialerTypes.join(', ')}` }),
    contactListId: z.string().min(1, 'Pick the contact list this campaign dials'),
    wrapUpCodeIds: z
      .array(z.string().min(1))
      .min(1, 'Pick at least one wrap-up code so agents can close their calls')
      .refine((ids) => new Set(ids).size === ids.length, 'Each wrap-up code only once'),
    maxCallsPerHour: wholeNumber('max calls per hour', 1, 100_000),
    agentAllocation: wholeNumber('the agent allocation', 1, 2_000),
    maxConcurrentCalls: wholeNumber('max concurrent calls', 1, 10_000),
    suppressDnc: z.boolean(),
    suppressDoNotCallList: z.boolean(),
    dncListId: z.string().min(1).nullable(),
    dncRules: z.array(z.enum(dncRuleTypes)),
    region: z
      .string()
      .trim()
      .regex(/^US-[A-Z]{2}$/, 'Region is US- and a two-letter state code, e.g. US-TX'),
    timezone: z.string().trim().refine(isIanaTimeZone, 'Use an IANA time zone such as America/Chicago'),
    marketingSync: z.boolean(),
  })
  .superRefine((form, context) => {
    if (form.suppressDoNotCallList && form.dncListId === null) {
      context.addIssue({ code: 'custom', path: ['dncListId'], message: 'Pick the DNC list to suppress against, or turn off do-not-call list suppression' });
    }
    if (form.dialerType !== 'preview' && form.maxConcurrentCalls < form.agentAllocation) {
      context.addIssue({
        code: 'custom',
        path: ['maxConcurrentCalls'],
        message: `Allow at least one line per agent (${form.agentAllocation}) so every allocated agent can be on a call`,
      });
    }
  });
export type NewCampaignForm = z.infer<typeof newCampaignFormSchema>;
export type NewCampaignField = keyof NewCampaignForm;

export const emptyNewCampaignForm: NewCampaignForm = {
  name: '',
  dialerType: 'predictive',
  contactListId: '',
  wrapUpCodeIds: [],
  maxCallsPerHour: 600,
  agentAllocation: 10,
  maxConcurrentCalls: 20,
  suppressDnc: true,
  suppressDoNotCallList: true,
  dncListId: null,
  dncRules: ['FCC_MIN_TIME', 'FCC_MAX_TIME'],
  region: 'US-TX',
  timezone: 'America/Chicago',
  marketingSync: false,
};

/** The POST body of contract §4.1 for a validated form (created as draft, no schedule yet). */
export function toCampaignDefinition(form: NewCampaignForm): CampaignDefinition {
  return {
    name: form.name.trim(),
    dialerType: form.dialerType,
    contactListId: form.contactListId,
    wrapUpCodeIds: [...form.wrapUpCodeIds],
    maxCallsPerHour: form.maxCallsPerHour,
    agentAllocation: form.agentAllocation,
    suppressionRules: [
      { type: 'dnc', enabled: form.suppressDnc },
      { type: 'do_not_call_list', enabled: form.suppressDoNotCallList },
    ],
    dncListId: form.dncListId,
    dncRules: form.dncRules.map((type) => ({ type })),
    schedule: null,
    rules: { maxConcurrentCalls: form.maxConcurrentCalls },
    customAttributes: { region: form.region.trim(), timezone: form.timezone.trim() },
  };
}
