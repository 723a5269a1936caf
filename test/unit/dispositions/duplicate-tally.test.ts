import { describe, expect, it } from 'vitest';
import { DuplicateTally } from '../../../shared/dispositions/duplicate-tally';
import { resolveDuplicates } from '../../../shared/dispositions/resolve-duplicates';
import { hexLanes } from '../../../shared/dispositions/row-content-hash';

describe('DuplicateTally (one pass) gives every row the verdict DuplicateResolver (two passes) gives it', () => {
  it('agrees on generated files with repeats, identical copies, ties and any hash text', () => {
    let seed = 99;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let round = 0; round < 300; round += 1) {
      const rows = Array.from({ length: 1 + Math.floor(next() * 40) }, (_, i) => ({
        line: i + 2,
        campaignId: `camp-${Math.floor(next() * 2)}`,
        contactId: `c-${Math.floor(next() * 6)}`,
        dispositionTimestamp: new Date(Date.UTC(2024, 5, 1, 0, Math.floor(next() * 4))).toISOString(),
        rowHash: ['00000000000000aa', '00000001000000aa', 'ffffffff00000000'][Math.floor(next() * 3)] as string,
      }));
      const tally = new DuplicateTally();
      const countsOnly = new DuplicateTally({ verdicts: false });
      const lanes = { hi: 0, lo: 0 };
      rows.forEach((row) => {
        expect(hexLanes(row.rowHash, lanes)).toBe(true);
        tally.observe(row.campaignId, row.contactId, row.line, Date.parse(row.dispositionTimestamp), lanes.hi, lanes.lo);
        countsOnly.observe(row.campaignId, row.contactId, row.line, Date.parse(row.dispositionTimestamp), lanes.hi, lanes.lo);
      });
      const expected = resolveDuplicates(rows).map(({ verdict }) => verdict);
      expect(rows.map((_, index) => tally.verdict(index))).toEqual(expected);
      expect(countsOnly.counts()).toEqual(tally.counts());
      expect(tally.counts()).toEqual({
        winners: expected.filter((verdict) => verdict.kind === 'winner').length,
        duplicates: expected.filter((verdict) => verdict.kind === 'duplicate').length,
        superseded: expected.filter((verdict) => verdict.kind === 'superseded').length,
      });
    }
  });
});

describe('DuplicateTally counting only', () => {
  it('gives the same counts whatever order the rows come in (a scan counts plain rows before the others of a chunk)', () => {
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    for (let round = 0; round < 300; round += 1) {
      const rows = Array.from({ length: 1 + Math.floor(next() * 30) }, (_, i) => ({
        line: i + 2,
        campaignId: 'camp-1',
        contactId: `c-${Math.floor(next() * 3)}`,
        minute: Math.floor(next() * 3),
        content: Math.floor(next() * 2),
      })).map((row) => ({ ...row, epochMs: row.minute * 60_000, hi: row.content * 10 + row.minute }));
      // As in a scan, the content hash covers the timestamp: identical rows have the same instant.
      const inOrder = new DuplicateTally({ verdicts: false });
      for (const row of rows) inOrder.observe(row.campaignId, row.contactId, row.line, row.epochMs, row.hi, 0);
      const shuffled = new DuplicateTally({ verdicts: false });
      const order = rows.map((row) => ({ row, key: next() })).sort((a, b) => a.key - b.key);
      for (const { row } of order) shuffled.observe(row.campaignId, row.contactId, row.line, row.epochMs, row.hi, 0);
      expect(shuffled.counts(), JSON.stringify(rows)).toEqual(inOrder.counts());
    }
  });
});

describe('ContactSlots', () => {
  it('numbers distinct (campaign, contact) pairs once each, whatever their characters', async () => {
    const { ContactSlots } = await import('../../../shared/dispositions/contact-slots');
    const slots = new ContactSlots();
    const pairs: [string, string][] = [];
    for (let i = 0; i < 20_000; i += 1) pairs.push([`camp-${i % 7}`, `c-${i}`]);
    // Same characters split differently, wide characters and a NUL are different contacts.
    pairs.push(['ab', 'c'], ['a', 'bc'], ['camp-1', 'Zoë'], ['camp-1', '中文'], ['中', '文'], ['camp-1', 'a\u0000b']);
    // Keys that end where another goes on (each is kept NUL-ended, without its length), empty parts included.
    pairs.push(['', ''], ['', 'x'], ['x', ''], ['camp-1', 'c-1x'], ['camp-1x', 'c-1'], ['camp-', '1c-1']);
    const numbers = pairs.map(([campaign, contact]) => slots.slotOf(campaign, contact));
    expect(numbers).toEqual(pairs.map((_, index) => index));
    expect(pairs.map(([campaign, contact]) => slots.slotOf(campaign, contact))).toEqual(numbers);
    expect(slots.added).toBe(false);
    expect(slots.count).toBe(pairs.length);
  });
});
