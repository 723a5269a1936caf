import { describe, expect, it } from 'vitest';
import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';
import { suggestColumnMapping } from '../../../shared/dispositions/column-mapping';
import { plainRowCheck, type PlainRow } from '../../../shared/dispositions/plain-row';
import { boundsOfValues } from '../../../shared/dispositions/record-bounds';
import { contentLanesOfRow } from '../../../shared/dispositions/scan-content-hash';
import { validateDispositionRow } from '../../../shared/dispositions/validate-disposition-row';

const headers = ['contact_id', 'campaign_id', 'outcome_code', 'agent_id', 'notes', 'disposition_timestamp', 'lead_score', 'region'];
const now = new Date('2024-06-02T00:00:00.000Z');

describe('plainRowCheck says yes only to rows validateDispositionRow accepts as they are, with the same content hash', () => {
  it('agrees with the full validation on 20,000 generated records', () => {
    const mapping = suggestColumnMapping(headers).mapping;
    mapping.customFields = { 'lead score': 'lead_score', __proto__: 'region', area: 'region' };
    const check = plainRowCheck(headers, mapping, defaultOutcomeMatrix, now);
    expect(check).not.toBeNull();
    let seed = 5;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const pick = (items: readonly string[]) => items[Math.floor(next() * items.length)] as string;
    const out: PlainRow = { campaignFrom: 0, campaignTo: 0, contactFrom: 0, contactTo: 0, epochMs: 0, hi: 0, lo: 0 };
    let plain = 0;
    for (let round = 0; round < 20_000; round += 1) {
      const record = [
        pick(['c-1', 'c-2', 'c-1', 'c-2', ' c-3', 'c-4\t', '', 'c\u00a05', 'é']),
        pick(['camp-1', 'camp-1', 'camp-1', 'camp-2 ', '']),
        pick(['BUSY', 'INTERESTED', 'BUSY', 'INTERESTED', 'busy', 'SALE_MADE', 'NO_ANSWER ', 'BU', '']),
        pick(['agent-1', 'agent-1', 'agent-1', ' agent-2', '']),
        pick(['', 'note', ' spaced ', 'said "no"\r\nok', 'x'.repeat(4001), '😀'.repeat(2001), '\u0000']),
        pick([
          '',
          '2024-06-01T10:00:00Z',
          '2024-06-01T10:00:00.123Z',
          '2024-06-01T10:00:00Z',
          '2024-06-01T10:00:00.123Z',
          '2024-06-01 10:00:00+02:00',
          '2024-02-30T10:00:00Z',
          '2024-06-02T00:04:59Z',
          '2024-06-02T00:05:01Z',
          ' 2024-06-01T10:00:00Z',
          '0050-06-01T10:00:00Z',
        ]),
        pick(['', '85', ' ', ' 7 ']),
        pick(['', 'north', '\t']),
      ];
      const raw = Object.fromEntries(headers.map((header, index) => [header, record[index] as string]));
      const full = validateDispositionRow(raw, mapping, { outcomeMatrix: defaultOutcomeMatrix, now: () => now, lineNumber: 2 });
      const { text, bounds } = boundsOfValues(record);
      if (!check?.(text, bounds, out)) continue;
      plain += 1;
      expect(full.ok && full.notices === undefined, JSON.stringify(record)).toBe(true);
      if (!full.ok) continue;
      const lanes = { hi: 0, lo: 0 };
      contentLanesOfRow(full.row, Date.parse(full.row.dispositionTimestamp), lanes);
      expect(
        [out.hi, out.lo, text.slice(out.contactFrom, out.contactTo), text.slice(out.campaignFrom, out.campaignTo), out.epochMs],
        JSON.stringify(record),
      ).toEqual([lanes.hi, lanes.lo, full.row.contactId, full.row.campaignId, Date.parse(full.row.dispositionTimestamp)]);
    }
    expect(plain).toBeGreaterThan(400);
  });

  it('has no fast path when a required field has no column', () => {
    const mapping = suggestColumnMapping(['contact_id', 'campaign_id', 'outcome_code']).mapping;
    expect(plainRowCheck(['contact_id', 'campaign_id', 'outcome_code'], mapping, defaultOutcomeMatrix, now)).toBeNull();
  });
});
