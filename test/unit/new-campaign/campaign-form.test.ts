import { describe, expect, it } from 'vitest';
import { campaignDefinitionSchema } from '../../../shared/cxone/schemas';
import {
  emptyNewCampaignForm,
  isIanaTimeZone,
  newCampaignFormSchema,
  toCampaignDefinition,
  type NewCampaignForm,
} from '../../../shared/new-campaign/campaign-form';
import { fieldMessagesOf } from '../../../shared/new-campaign/field-messages';

const valid: NewCampaignForm = {
  ...emptyNewCampaignForm,
  name: 'Solar Leads Wave 3',
  contactListId: 'cl-001',
  wrapUpCodeIds: ['wuc-01', 'wuc-02'],
  dncListId: 'dnc-01',
};

const messagesFor = (form: NewCampaignForm) => {
  const parsed = newCampaignFormSchema.safeParse(form);
  return parsed.success ? {} : fieldMessagesOf(parsed.error);
};

describe('new campaign form', () => {
  it('accepts a complete definition', () => {
    expect(messagesFor(valid)).toEqual({});
  });

  it('says what to do for each missing or wrong field, on that field', () => {
    const messages = messagesFor({
      ...valid,
      name: '   ',
      contactListId: '',
      wrapUpCodeIds: [],
      maxCallsPerHour: Number.NaN,
      agentAllocation: 2.5,
      region: 'Texas',
      timezone: 'Mars/Olympus',
    });
    expect(messages.name).toBe('Give the campaign a name');
    expect(messages.contactListId).toMatch(/Pick the contact list/);
    expect(messages.wrapUpCodeIds).toMatch(/at least one wrap-up code/);
    expect(messages.maxCallsPerHour).toBe('Enter max calls per hour as a whole number');
    expect(messages.agentAllocation).toBe('Enter the agent allocation as a whole number');
    expect(messages.region).toMatch(/US-TX/);
    expect(messages.timezone).toMatch(/IANA time zone/);
  });

  it('requires a DNC list while do-not-call list suppression is on', () => {
    expect(messagesFor({ ...valid, dncListId: null }).dncListId).toMatch(/Pick the DNC list/);
    expect(messagesFor({ ...valid, dncListId: null, suppressDoNotCallList: false })).toEqual({});
  });

  it('asks for at least one line per agent except for preview dialing', () => {
    expect(messagesFor({ ...valid, agentAllocation: 30, maxConcurrentCalls: 10 }).maxConcurrentCalls).toMatch(/at least one line per agent \(30\)/);
    expect(messagesFor({ ...valid, dialerType: 'preview', agentAllocation: 30, maxConcurrentCalls: 10 })).toEqual({});
  });

  it('refuses the same wrap-up code twice', () => {
    expect(messagesFor({ ...valid, wrapUpCodeIds: ['wuc-01', 'wuc-01'] }).wrapUpCodeIds).toBe('Each wrap-up code only once');
  });

  it('builds the contract POST body, created without schedule, status, id or version', () => {
    const body = toCampaignDefinition({ ...valid, name: '  Solar Leads Wave 3 ', suppressDnc: false });
    expect(campaignDefinitionSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({
      name: 'Solar Leads Wave 3',
      suppressionRules: [
        { type: 'dnc', enabled: false },
        { type: 'do_not_call_list', enabled: true },
      ],
      dncRules: [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }],
      schedule: null,
      rules: { maxConcurrentCalls: valid.maxConcurrentCalls },
      customAttributes: { region: 'US-TX', timezone: 'America/Chicago' },
    });
    expect(Object.keys(body)).not.toContain('status');
    expect(Object.keys(body)).not.toContain('id');
  });

  it('knows IANA zones from made-up ones', () => {
    expect(isIanaTimeZone('America/Chicago')).toBe(true);
    expect(isIanaTimeZone('America/Indiana/Indianapolis')).toBe(true);
    expect(isIanaTimeZone('America/Springfield')).toBe(false);
    expect(isIanaTimeZone('')).toBe(false);
  });
});
