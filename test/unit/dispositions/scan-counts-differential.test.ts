import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanDispositionFile } from '../../../electron/dispositions/reading/scan-disposition-file';
import { resolveDuplicates } from '../../../shared/dispositions/resolve-duplicates';
import { readAll, readOptions, seededPicks } from './read-helpers';

/**
 * A file whose contacts come back with the same content written differently (quoted or not,
 * doubled quotes, `.000Z` or `Z`, spaces around an ID that the full check trims) and with
 * content that differs in one value, beside invalid rows.
 */
function generatedFile(seed: number, rows: number): string {
  const { pick } = seededPicks(seed);
  const lines = ['contact_id,campaign_id,outcome_code,agent_id,notes,disposition_timestamp,custom_score'];
  for (let i = 0; i < rows; i += 1) {
    const contact = pick(['c-1', 'c-1', 'c-2', ' c-1', '"c-2"', 'c-é', 'c-中']);
    const notes = pick(['', 'plain', '"plain"', '"say ""hi"""', '"say ""hi"""', '"two\r\nlines"', '"say ""ho"""']);
    const stamp = pick(['2024-06-01T10:00:00Z', '2024-06-01T10:00:00.000Z', '2024-06-01 12:00:00+02:00', '', '2024-06-01T10:00:00']);
    lines.push([contact, 'camp-1', pick(['BUSY', 'BUSY', 'busy']), 'agent-1', notes, stamp, pick(['', '5', ' '])].join(','));
  }
  return `${lines.join(pick(['\n', '\r\n']))}\n`;
}

describe('the counting scan (plain rows read in place, its own content hash) counts as the row-hash resolver decides', () => {
  it('agrees on 200 generated files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'scan-counts-'));
    try {
      for (let round = 0; round < 200; round += 1) {
        const path = join(dir, `f${round}.csv`);
        const text = generatedFile(round + 1, 1 + (round % 40));
        await writeFile(path, text);
        const { rows } = await readAll(path);
        const valid = rows.flatMap((event) => (event.result.ok ? [event.result.row] : []));
        const verdicts = resolveDuplicates(valid).map(({ verdict }) => verdict.kind);
        const counted = await scanDispositionFile(path, { ...readOptions(), keepRows: false });
        if (!counted.ok) throw new Error(counted.error.message);
        expect(counted.value.counts, text).toEqual({
          rows: rows.length,
          valid: valid.length,
          invalid: rows.length - valid.length,
          winners: verdicts.filter((kind) => kind === 'winner').length,
          duplicates: verdicts.filter((kind) => kind === 'duplicate').length,
          superseded: verdicts.filter((kind) => kind === 'superseded').length,
        });
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
