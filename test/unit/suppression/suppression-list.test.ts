import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSuppressionList, normalisePhone, type SuppressionList } from '../../../electron/suppression/suppression-list';
import { ConsoleFailure } from '../../../shared/errors';

const optOut = (phone: string, line = 12) => ({ phone, reason: 'DO_NOT_CALL disposition', source: { type: 'disposition-import', id: `job-1 line ${line}` } });

describe('local suppression list', () => {
  let dir: string;
  let list: SuppressionList;
  const file = () => join(dir, 'suppression.jsonl');
  const clock = () => new Date('2025-03-01T09:00:00.000Z');

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-suppression-'));
    list = await createSuppressionList({ dir, clock });
  });

  afterEach(async () => {
    await list.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adds a number, has it on disk when add resolves, and finds it whatever the separators', async () => {
    const result = await list.add(optOut('+1 (415) 555-0123'));
    expect(result).toEqual({ added: true, entry: { ...optOut('+14155550123'), at: '2025-03-01T09:00:00.000Z' } });
    expect(readFileSync(file(), 'utf8')).toContain('"phone":"+14155550123"');
    expect(list.has('+14155550123')).toBe(true);
    expect(list.has('+1 415 555 0123')).toBe(true);
    expect(list.has('+14155550199')).toBe(false);
  });

  it('keeps the first entry when the same number is added again, also concurrently', async () => {
    const results = await Promise.all([list.add(optOut('+442071234567', 1)), list.add(optOut('+44 20 7123 4567', 2)), list.add(optOut('+442071234567', 3))]);
    expect(results.map((result) => result.added)).toEqual([true, false, false]);
    expect(list.count()).toBe(1);
    expect(list.get('+442071234567')?.source.id).toBe('job-1 line 1');
    expect(readFileSync(file(), 'utf8').trim().split('\n')).toHaveLength(1);
  });

  it('refuses a number that is not E.164', async () => {
    await expect(list.add(optOut('4155550123'))).rejects.toBeInstanceOf(ConsoleFailure);
    await expect(list.add(optOut('+0123'))).rejects.toThrow(/E\.164/);
    expect(list.count()).toBe(0);
    expect(normalisePhone('+1 415.555.0123')).toBe('+14155550123');
  });

  it('survives a restart, including one after a crash that tore the last line', async () => {
    await list.add(optOut('+14155550123'));
    await list.add({ ...optOut('+14155550124'), at: '2025-02-01T00:00:00.000Z' });
    await list.close();
    appendFileSync(file(), '{"phone":"+1415555');
    list = await createSuppressionList({ dir, clock });
    expect(list.list().map((entry) => [entry.phone, entry.at])).toEqual([
      ['+14155550123', '2025-03-01T09:00:00.000Z'],
      ['+14155550124', '2025-02-01T00:00:00.000Z'],
    ]);
    expect((await list.add(optOut('+14155550125'))).added).toBe(true);
    list = await reopen(list);
    expect(list.count()).toBe(3);
  });

  const reopen = async (current: SuppressionList) => {
    await current.close();
    return createSuppressionList({ dir, clock });
  };
});
