import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scanDispositionFile, type ScanOptions } from '../../../electron/dispositions/reading/scan-disposition-file';
import { tallyWorkerUrl } from '../../../electron/dispositions/reading/tally-worker-client';
import { readOptions, seededPicks } from './read-helpers';

/**
 * Contacts whose IDs need more than one byte a character (a key the tally keeps in a Map), notes
 * with doubled quotes and line breaks, rows repeated exactly or with later content, rows the plain
 * check leaves to the full one, and invalid rows: every path of the counting tally, on `rows` rows.
 */
function mixedFile(seed: number, rows: number): string {
  const { next, pick } = seededPicks(seed);
  const lines = ['contact_id,campaign_id,outcome_code,agent_id,notes,disposition_timestamp,custom_score'];
  for (let i = 0; i < rows; i += 1) {
    const contact = pick([`c-${Math.floor(next() * rows)}`, `c-${Math.floor(next() * 50)}`, ' c-1', '"c-2"', 'c-é', 'c-中', `c-中${i % 7}`]);
    const notes = pick(['', 'plain', '"say ""hi"""', '"two\r\nlines"', '"lone\rcarriage"', '"😀 emoji"']);
    const stamp = pick([
      '2024-06-01T10:00:00Z',
      `2024-06-01T10:00:${String(i % 60).padStart(2, '0')}.000Z`,
      '2024-06-01 12:00:00+02:00',
      '',
      '2024-06-01T10:00:00',
    ]);
    lines.push([contact, pick(['camp-1', 'camp-2', 'camp-中']), pick(['BUSY', 'INTERESTED', 'busy']), 'agent-1', notes, stamp, pick(['', '5', ' '])].join(','));
  }
  return `${lines.join('\n')}\n`;
}

const counted = async (path: string, options: Partial<ScanOptions>, countedIn = options.countIn) => {
  const result = await scanDispositionFile(path, { ...readOptions(), keepRows: false, ...options });
  if (!result.ok) throw new Error(result.error.message);
  expect(result.value.countedIn).toBe(countedIn);
  return result.value.counts;
};

describe('the counting scan tallies in a worker thread with the same counts as in its own', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'scan-worker-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is built (npm run build), so the scan can use it', () => {
    expect(tallyWorkerUrl()).not.toBeNull();
  });

  it('agrees on 30 small files, wide keys and rows the full check builds included', async () => {
    for (let round = 0; round < 30; round += 1) {
      const path = join(dir, `small-${round}.csv`);
      const text = mixedFile(round + 1, 1 + round * 7);
      await writeFile(path, text);
      expect(await counted(path, { countIn: 'worker' }), text).toEqual(await counted(path, { countIn: 'this-thread' }));
    }
  });

  it('agrees on a file of 60,000 rows, shipped in many parts and waiting on the worker when it falls behind', async () => {
    const path = join(dir, 'large.csv');
    await writeFile(path, mixedFile(77, 60_000));
    const inWorker = await counted(path, { countIn: 'worker' });
    expect(inWorker).toEqual(await counted(path, { countIn: 'this-thread' }));
    expect(inWorker.rows).toBe(60_000);
    expect(inWorker.duplicates + inWorker.superseded).toBeGreaterThan(10_000);
  });

  it('counts again in its own thread when the worker thread dies, with the right counts', async () => {
    const path = join(dir, 'lost-worker.csv');
    await writeFile(path, mixedFile(5, 5_000));
    const dying = join(dir, 'dying-worker.mjs');
    await writeFile(dying, 'process.exit(3);\n');
    const counts = await counted(path, { countIn: 'worker', tallyWorkerUrl: pathToFileURL(dying) }, 'this-thread');
    expect(counts).toEqual(await counted(path, { countIn: 'this-thread' }));
  });

  it('counts again in its own thread when the worker thread fails on a message', async () => {
    const path = join(dir, 'failing-worker.csv');
    await writeFile(path, mixedFile(6, 5_000));
    const failing = join(dir, 'failing-worker.mjs');
    await writeFile(
      failing,
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => parentPort.postMessage({ type: 'failed', message: 'broken on purpose' }));\n",
    );
    const counts = await counted(path, { countIn: 'worker', tallyWorkerUrl: pathToFileURL(failing) }, 'this-thread');
    expect(counts).toEqual(await counted(path, { countIn: 'this-thread' }));
  });

  it('counts again in its own thread when the worker thread takes rows and never answers, whether the scan waits to ship more or for the counts', async () => {
    const hanging = join(dir, 'hanging-worker.mjs');
    await writeFile(hanging, "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => undefined);\n");
    // 2,000 rows fit in the shipments allowed in flight (the scan waits for the counts); 30,000 do not (it waits to ship more).
    for (const rows of [2_000, 30_000]) {
      const path = join(dir, `hung-${rows}.csv`);
      await writeFile(path, mixedFile(rows, rows));
      const counts = await counted(path, { countIn: 'worker', tallyWorkerUrl: pathToFileURL(hanging), tallyWorkerStallMs: 300 }, 'this-thread');
      expect(counts).toEqual(await counted(path, { countIn: 'this-thread' }));
      expect(counts.rows).toBe(rows);
    }
  });
});
