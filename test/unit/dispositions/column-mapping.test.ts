import { describe, expect, it } from 'vitest';
import { columnMappingSchema } from '../../../shared/dispositions/disposition-fields';
import { suggestColumnMapping } from '../../../shared/dispositions/column-mapping';

describe('suggestColumnMapping', () => {
  it.each([['contact_id'], ['Contact ID'], ['contactId'], ['CONTACT-ID'], [' contact id ']])('reads the contact ID from a header spelled %j', (header) => {
    expect(suggestColumnMapping([header]).mapping.fields.contactId).toBe(header);
  });

  it('recognises the usual synonyms of each field', () => {
    const { mapping, missingRequired, unmapped } = suggestColumnMapping(['Contact', 'Campaign', 'Disposition', 'Agent', 'Comments', 'Timestamp']);
    expect(mapping.fields).toEqual({
      contactId: 'Contact',
      campaignId: 'Campaign',
      outcomeCode: 'Disposition',
      agentId: 'Agent',
      notes: 'Comments',
      dispositionTimestamp: 'Timestamp',
    });
    expect(missingRequired).toEqual([]);
    expect(unmapped).toEqual([]);
  });

  it('prefers the exact field name over a synonym and leaves the other column unmapped', () => {
    const { mapping, unmapped } = suggestColumnMapping(['disposition', 'outcome_code', 'contact_id']);
    expect(mapping.fields.outcomeCode).toBe('outcome_code');
    expect(unmapped).toEqual(['disposition']);
  });

  it('maps custom_* columns to custom fields without the prefix', () => {
    const { mapping, unmapped } = suggestColumnMapping(['contact_id', 'custom_lead_score', 'Custom Source', 'region']);
    expect(mapping.customFields).toEqual({ lead_score: 'custom_lead_score', Source: 'Custom Source' });
    expect(unmapped).toEqual(['region']);
  });

  it('lists the required fields no header provides', () => {
    expect(suggestColumnMapping(['contactId', 'campaignId', 'notes']).missingRequired).toEqual(['outcomeCode', 'agentId']);
  });

  it('produces a mapping that survives a JSON round trip through its schema', () => {
    const { mapping } = suggestColumnMapping(['contact_id', 'campaign_id', 'custom_x']);
    expect(columnMappingSchema.parse(JSON.parse(JSON.stringify(mapping)))).toEqual(mapping);
  });
});
