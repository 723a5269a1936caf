import { describe, expect, it } from 'vitest';
import { DuplicateResolver, resolveDuplicates } from '../../../shared/dispositions/resolve-duplicates';

const row = (line: number, contactId: string, timestamp: string, rowHash: string, campaignId = 'camp-1') => ({
  line,
  contactId,
  campaignId,
  dispositionTimestamp: timestamp,
  rowHash,
});
const verdicts = (rows: ReturnType<typeof row>[]) => resolveDuplicates(rows).map(({ row: r, verdict }) => [r.line, verdict]);

describe('resolveDuplicates', () => {
  it('counts identical rows once: later copies are duplicates of the first', () => {
    expect(verdicts([row(2, 'c-1', '2024-06-01T10:00:00Z', 'h1'), row(3, 'c-1', '2024-06-01T10:00:00Z', 'h1')])).toEqual([
      [2, { kind: 'winner' }],
      [3, { kind: 'duplicate', of: 2 }],
    ]);
  });

  it('lets the latest timestamp win whatever the line order', () => {
    expect(verdicts([row(2, 'c-1', '2024-06-01T12:00:00Z', 'late'), row(3, 'c-1', '2024-06-01T09:00:00Z', 'early')])).toEqual([
      [2, { kind: 'winner' }],
      [3, { kind: 'superseded', by: 2 }],
    ]);
  });

  it('lets the later line win a timestamp tie', () => {
    expect(verdicts([row(2, 'c-1', '2024-06-01T10:00:00.000Z', 'a'), row(5, 'c-1', '2024-06-01T10:00:00.000Z', 'b')])).toEqual([
      [2, { kind: 'superseded', by: 5 }],
      [5, { kind: 'winner' }],
    ]);
  });

  it('treats the same contact in another campaign as another contact', () => {
    expect(verdicts([row(2, 'c-1', '2024-06-01T10:00:00Z', 'a'), row(3, 'c-1', '2024-06-01T10:00:00Z', 'b', 'camp-2')])).toEqual([
      [2, { kind: 'winner' }],
      [3, { kind: 'winner' }],
    ]);
  });

  it('reports an identical copy of the winner as its duplicate even when a different row lies between them', () => {
    expect(
      verdicts([row(2, 'c-1', '2024-06-01T12:00:00Z', 'a'), row(3, 'c-1', '2024-06-01T09:00:00Z', 'b'), row(4, 'c-1', '2024-06-01T12:00:00Z', 'a')]),
    ).toEqual([
      [2, { kind: 'winner' }],
      [3, { kind: 'superseded', by: 2 }],
      [4, { kind: 'duplicate', of: 2 }],
    ]);
  });

  it('refuses rows observed out of file order, which would break the tie rule', () => {
    const resolver = new DuplicateResolver();
    resolver.observe(row(5, 'c-1', '2024-06-01T10:00:00Z', 'a'));
    expect(() => resolver.observe(row(3, 'c-1', '2024-06-01T10:00:00Z', 'b'))).toThrow(/file order/);
  });
});
