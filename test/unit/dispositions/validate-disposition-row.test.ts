import { describe, expect, it } from 'vitest';
import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';
import { suggestColumnMapping } from '../../../shared/dispositions/column-mapping';
import { validateDispositionRow, type RowValidationContext } from '../../../shared/dispositions/validate-disposition-row';
import { dispositionRowSchema } from '../../../shared/dispositions/disposition-row';

const headers = ['contact_id', 'campaign_id', 'outcome_code', 'agent_id', 'notes', 'disposition_timestamp', 'custom_lead_score'];
const { mapping } = suggestColumnMapping(headers);
const now = new Date('2024-06-02T00:00:00.000Z');
const context: RowValidationContext = { outcomeMatrix: defaultOutcomeMatrix, now: () => now, lineNumber: 7 };
const good = {
  contact_id: 'c-1',
  campaign_id: 'camp-1',
  outcome_code: 'INTERESTED',
  agent_id: 'a-1',
  notes: 'Wants a brochure',
  disposition_timestamp: '2024-06-01T14:30:00+02:00',
  custom_lead_score: '85',
};
const validate = (overrides: Partial<typeof good>, extra: Partial<RowValidationContext> = {}) =>
  validateDispositionRow({ ...good, ...overrides }, mapping, { ...context, ...extra });
const problemsOf = (overrides: Partial<typeof good>, extra: Partial<RowValidationContext> = {}) => {
  const result = validate(overrides, extra);
  return result.ok ? [] : result.problems;
};

describe('validateDispositionRow', () => {
  it('turns a good row into a disposition with a UTC timestamp and custom fields', () => {
    const result = validate({});
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.row).toMatchObject({
      line: 7,
      contactId: 'c-1',
      campaignId: 'camp-1',
      outcomeCode: 'INTERESTED',
      agentId: 'a-1',
      notes: 'Wants a brochure',
      dispositionTimestamp: '2024-06-01T12:30:00.000Z',
      customFields: { lead_score: '85' },
    });
    expect(dispositionRowSchema.parse(result.row)).toEqual(result.row);
  });

  it('trims whitespace around identifiers and codes and says so for each one that differs from the file', () => {
    const result = validate({ contact_id: '  c-1 ', outcome_code: '\tBUSY' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect([result.row.contactId, result.row.outcomeCode]).toEqual(['c-1', 'BUSY']);
    expect(result.notices).toEqual([
      'Line 7: the contact ID in the file is "  c-1 ", with spaces around it; it is sent as "c-1".',
      'Line 7: the outcome code in the file is "\\tBUSY", with spaces around it; it is sent as "BUSY".',
    ]);
    expect(validate({}).ok && (validate({}) as { notices?: string[] }).notices).toBeUndefined();
  });

  it('keeps notes and custom fields exactly as written: spaces, tabs, line breaks and every character', () => {
    const notes = '  two leading spaces, one trailing \tand a tab, ends with a newline\n 😀 中文 שלום \u200b';
    const result = validate({ notes, custom_lead_score: ' 85 ' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.row.notes).toBe(notes);
    expect(result.row.customFields).toEqual({ lead_score: ' 85 ' });
    expect(result.notices).toBeUndefined();
  });

  it('refuses a UTC timestamp in the common form whose date does not exist', () => {
    expect(problemsOf({ disposition_timestamp: '2024-02-30T10:00:00Z' }).map((p) => p.message)).toEqual([
      'Line 7: disposition timestamp "2024-02-30T10:00:00Z" is not a real date and time',
    ]);
    const result = validate({ disposition_timestamp: '2024-02-29T10:00:00.250Z' });
    expect(result.ok && result.row.dispositionTimestamp).toBe('2024-02-29T10:00:00.250Z');
  });

  it('uses now (UTC) when the timestamp is empty', () => {
    const result = validate({ disposition_timestamp: '' });
    expect(result.ok && result.row.dispositionTimestamp).toBe('2024-06-02T00:00:00.000Z');
  });

  it('reports each empty required field with its column and line', () => {
    const problems = problemsOf({ contact_id: '', agent_id: ' ' });
    expect(problems.map((p) => [p.field, p.column, p.line])).toEqual([
      ['contactId', 'contact_id', 7],
      ['agentId', 'agent_id', 7],
    ]);
    expect(problems[0]?.message).toMatch(/^Line 7: contact ID is empty/);
  });

  it('reports a required field no column is mapped to', () => {
    const noAgent = { ...mapping, fields: { ...mapping.fields, agentId: null } };
    const result = validateDispositionRow(good, noAgent, context);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['agentId']);
  });

  it('refuses a lower-case outcome and suggests the capitalised one instead of guessing', () => {
    const [problem] = problemsOf({ outcome_code: 'interested' });
    expect(problem?.message).toContain('did you mean "INTERESTED"');
  });

  it('refuses an outcome that does not match the code pattern', () => {
    expect(problemsOf({ outcome_code: 'INTERESTED!' })[0]?.message).toContain('3–20 capital letters or underscores');
  });

  it("refuses an outcome that is not in the tenant's matrix and accepts it when the matrix has it", () => {
    expect(problemsOf({ outcome_code: 'SALE_MADE' })[0]?.message).toContain("not one of the tenant's outcomes");
    expect(validate({ outcome_code: 'SALE_MADE' }, { outcomeMatrix: ['SALE_MADE'] }).ok).toBe(true);
    expect(problemsOf({ outcome_code: 'BUSY' }, { outcomeMatrix: ['SALE_MADE'] })).toHaveLength(1);
  });

  it('names the known code an unknown one most likely means, its disposition and where to map it; nothing when none is close', () => {
    const adminMatrix = ['CALL_BACK_LATER', 'INTERESTED', 'LEFT_VOICEMAIL'];
    const help = { names: { CALL_BACK_LATER: 'Call back later' }, mapIn: 'Settings ("Outcome codes → dispositions")' };
    expect(problemsOf({ outcome_code: 'CALLBACK_LATER' }, { outcomeMatrix: adminMatrix, outcomeHelp: help })[0]?.message).toBe(
      'Line 7: outcome code "CALLBACK_LATER" is not one of the tenant\'s outcomes: CALL_BACK_LATER, INTERESTED, LEFT_VOICEMAIL. ' +
        'Did you mean CALL_BACK_LATER (Call back later)? Map it to a disposition in Settings ("Outcome codes → dispositions").',
    );
    expect(problemsOf({ outcome_code: 'VOICEMAIL_LEFT' }, { outcomeMatrix: adminMatrix })[0]?.message).toContain('Did you mean LEFT_VOICEMAIL?');
    expect(problemsOf({ outcome_code: 'INTERSTED' }, { outcomeMatrix: adminMatrix })[0]?.message).toContain('Did you mean INTERESTED?');
    expect(problemsOf({ outcome_code: 'SALE_MADE' }, { outcomeMatrix: adminMatrix })[0]?.message).not.toContain('Did you mean');
  });

  it.each([
    ['01/06/2024 10:00', 'is not an ISO-8601 timestamp'],
    ['2024-06-01T10:00:00', 'has no time zone'],
    ['2024-06-01 10:00:00', 'has no time zone'],
    ['2024-06-01', 'date without a time'],
    ['2024-02-30T10:00:00Z', 'not a real date'],
    ['2024-06-01T10:00:00+25:00', 'invalid offset'],
    ['2024-06-03T10:00:00Z', 'in the future'],
  ])('refuses the timestamp %j', (timestamp, reason) => {
    const problems = problemsOf({ disposition_timestamp: timestamp });
    expect(problems.map((p) => p.field)).toEqual(['dispositionTimestamp']);
    expect(problems[0]?.message).toContain(reason);
  });

  it.each([
    ['2024-06-01T10:00:00Z', '2024-06-01T10:00:00.000Z'],
    ['2024-06-01 10:00:00Z', '2024-06-01T10:00:00.000Z'],
    ['2024-06-01T10:00:00.250-05:00', '2024-06-01T15:00:00.250Z'],
    ['2024-06-01T10:00+0530', '2024-06-01T04:30:00.000Z'],
  ])('accepts the timestamp %j as %s', (timestamp, iso) => {
    const result = validate({ disposition_timestamp: timestamp });
    expect(result.ok && result.row.dispositionTimestamp).toBe(iso);
  });

  it('allows notes of 4000 characters and refuses longer ones', () => {
    expect(validate({ notes: 'é'.repeat(4000) }).ok).toBe(true);
    expect(problemsOf({ notes: 'x'.repeat(4001) })[0]?.message).toContain('4001 characters long; at most 4000');
  });

  it('gives identical content the same hash whatever the line, and different content another', () => {
    const a = validate({});
    const b = validate({}, { lineNumber: 99 });
    const c = validate({ notes: 'something else' });
    if (!a.ok || !b.ok || !c.ok) throw new Error('rows should be valid');
    expect(b.row.rowHash).toBe(a.row.rowHash);
    expect(c.row.rowHash).not.toBe(a.row.rowHash);
  });
});
