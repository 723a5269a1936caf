import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { auditQueryMatcher } from '../../../shared/audit/audit-query';
import { mergeEntries } from '../../../shared/audit/merge-entries';
import { auditFiltersSchema } from '../../../shared/audit/audit-filters';
import { auditQueryRequestSchema } from '../../../shared/audit/audit-page';
import {
  emptyAuditFilterForm,
  isUnfiltered,
  optionOf,
  timeRangeOf,
  toAuditFilters,
  type AuditFilterForm,
} from '../../../renderer/features/audit/audit-filters';
import { describeChainReport, describeChange, formatAuditTime } from '../../../renderer/components/audit-format';
import { auditExportFileName } from '../../../electron/audit/audit-export';

const now = new Date('2025-03-10T12:00:00.000Z');
const form = (change: Partial<AuditFilterForm>): AuditFilterForm => ({ ...emptyAuditFilterForm, ...change });
const filtersOf = (change: Partial<AuditFilterForm>) => {
  const result = toAuditFilters(form(change), now);
  if (!result.ok) throw new Error(result.problem);
  return result.filters;
};

const entry = (seq: number, change: Partial<AuditEntry> = {}): AuditEntry => ({
  seq,
  at: new Date(Date.parse('2025-03-10T11:00:00.000Z') + seq * 1000).toISOString(),
  actor: { type: 'user', name: 'lead' },
  tenant: 'Demo tenant',
  action: 'campaign.pause',
  target: { type: 'campaign', id: `c-${seq}`, name: `Campaign ${seq}` },
  outcome: 'success',
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  ...change,
});

describe('audit screen filters', () => {
  it('sends no filter at all when the form is empty', () => {
    expect(filtersOf({})).toEqual({});
    expect(isUnfiltered(emptyAuditFilterForm)).toBe(true);
  });

  it('drops blank text fields and trims the others', () => {
    expect(filtersOf({ text: '   ', actorName: ' ops ', campaignId: ' c-7 ' })).toEqual({ actorName: 'ops', campaignId: 'c-7' });
    expect(isUnfiltered(form({ text: '  ' }))).toBe(true);
    expect(isUnfiltered(form({ outcome: 'failed' }))).toBe(false);
  });

  it('turns a relative time range into an open-ended start, so entries written later still match', () => {
    expect(filtersOf({ range: '24h' })).toEqual({ from: '2025-03-09T12:00:00.000Z' });
    expect(filtersOf({ range: '1h' })).toEqual({ from: '2025-03-10T11:00:00.000Z' });
    const matches = auditQueryMatcher(filtersOf({ range: '1h' }));
    expect(matches(entry(1, { at: '2025-03-10T13:00:00.000Z' }))).toBe(true);
    expect(matches(entry(1, { at: '2025-03-10T10:59:59.000Z' }))).toBe(false);
  });

  it('reads a custom range in local time and includes the whole end minute', () => {
    const filters = filtersOf({ range: 'custom', customFrom: '2025-03-01T09:30', customTo: '2025-03-01T10:15' });
    expect(filters.from).toBe(new Date('2025-03-01T09:30').toISOString());
    expect(filters.to).toBe(new Date(new Date('2025-03-01T10:15').getTime() + 59_999).toISOString());
    expect(filtersOf({ range: 'custom', customFrom: '', customTo: '' })).toEqual({});
  });

  it('ignores custom dates unless the custom range is chosen', () => {
    expect(filtersOf({ range: 'all', customFrom: '2025-03-01T09:30' })).toEqual({});
  });

  it('says what is wrong with a custom range instead of querying', () => {
    expect(toAuditFilters(form({ range: 'custom', customFrom: '2025-03-02T00:00', customTo: '2025-03-01T00:00' }), now)).toEqual({
      ok: false,
      problem: 'The end of the time range is before its start.',
    });
    expect(toAuditFilters(form({ range: 'custom', customFrom: 'soon' }), now)).toMatchObject({ ok: false });
  });

  it('reads select values back without trusting them', () => {
    expect(optionOf(['success', 'failed'] as const, 'failed')).toBe('failed');
    expect(optionOf(['success', 'failed'] as const, 'drop table')).toBe('');
    expect(timeRangeOf('7d')).toBe('7d');
    expect(timeRangeOf('forever')).toBe('all');
  });

  it('produces filters the IPC contract accepts', () => {
    const filters = filtersOf({
      range: 'custom',
      customFrom: '2025-03-01T09:30',
      customTo: '2025-03-01T10:15',
      actorType: 'rule',
      outcome: 'failed',
      text: 'x',
    });
    expect(auditFiltersSchema.safeParse(filters).success).toBe(true);
    expect(auditQueryRequestSchema.parse(filters).limit).toBe(200);
  });
});

describe('audit IPC request validation', () => {
  it('refuses a range that ends before it starts, a non-ISO time and an oversized page', () => {
    expect(auditQueryRequestSchema.safeParse({ from: '2025-03-02T00:00:00Z', to: '2025-03-01T00:00:00Z' }).success).toBe(false);
    expect(auditQueryRequestSchema.safeParse({ from: 'yesterday' }).success).toBe(false);
    expect(auditQueryRequestSchema.safeParse({ limit: 100_000 }).success).toBe(false);
    expect(auditQueryRequestSchema.safeParse({ before: 0 }).success).toBe(false);
    expect(auditQueryRequestSchema.safeParse({ outcome: 'maybe' }).success).toBe(false);
    expect(auditQueryRequestSchema.safeParse({ campaignId: '' }).success).toBe(false);
  });
});

describe('merging live entries into the list', () => {
  it('keeps newest first and never shows an entry twice', () => {
    const merged = mergeEntries([entry(5), entry(3)], [entry(6), entry(5), entry(4)]);
    expect(merged.map((e) => e.seq)).toEqual([6, 5, 4, 3]);
    expect(mergeEntries([], []).length).toBe(0);
  });
});

describe('audit formatting', () => {
  it('shows a single changed field as before → after', () => {
    expect(describeChange({ status: 'running' }, { status: 'paused' })).toBe('running → paused');
  });

  it('lists several changed fields and leaves unchanged ones out', () => {
    expect(describeChange({ status: 'running', calls: 5, region: 'EU' }, { status: 'paused', calls: 0, region: 'EU' })).toBe(
      'status: running → paused; calls: 5 → 0',
    );
  });

  it('handles missing sides and non-objects', () => {
    expect(describeChange(undefined, undefined)).toBe('');
    expect(describeChange(undefined, { status: 'draft' })).toBe('— → {"status":"draft"}');
    expect(describeChange({ status: null }, { status: 'paused' })).toBe('none → paused');
    expect(describeChange(1, 2)).toBe('1 → 2');
  });

  it('words the chain report for the screen', () => {
    expect(describeChainReport({ ok: true, entries: 12 })).toBe('Chain intact: 12 entries');
    expect(describeChainReport({ ok: true, entries: 1 })).toBe('Chain intact: 1 entry');
    expect(
      describeChainReport({
        ok: false,
        firstBadSeq: 4,
        file: 'audit.jsonl',
        line: 4,
        problem: 'altered',
        message: 'Audit entry 4 was changed after it was written.',
      }),
    ).toBe('Chain broken at entry 4 (audit.jsonl, line 4): Audit entry 4 was changed after it was written.');
    expect(describeChainReport({ ok: true, entries: 40, keptFrom: { seq: 901, removedBy: 'retention', at: '2031-01-01T00:00:00.000Z' } })).toBe(
      'Chain intact: 40 entries; kept history begins at entry 901 (older entries removed by the retention setting)',
    );
    expect(describeChainReport({ ok: false, firstBadSeq: 1, file: '', line: 0, problem: 'missing', message: 'There is no audit folder at /x.' })).toBe(
      'Chain broken at entry 1: There is no audit folder at /x.',
    );
  });

  it('prints local times at a fixed width and names exports by local minute', () => {
    const at = new Date(2025, 2, 1, 9, 5, 7);
    expect(formatAuditTime(at.toISOString())).toBe('2025-03-01 09:05:07');
    expect(auditExportFileName(at)).toBe('audit-20250301-0905.csv');
  });
});
