import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOutcomeMatrix } from '../../shared/cxone/schemas';
import { benchRawParse, rawParsers, type RawParseResult } from './raw-parsers';
import { classifyDispositionFile } from '../../electron/dispositions/reading/classify-disposition-file';

export interface ParseBenchResult {
  rows: number;
  bytes: number;
  seconds: number;
  /** The file's size over the scan's wall time: what a person waiting for the file sees. */
  mbPerSecond: number;
  peakRssMb: number;
  counts: { winners: number; duplicates: number; superseded: number; invalid: number };
  /** The same file split into records by each parser alone, in the same run. */
  rawParsers: (RawParseResult & { mbPerSecond: number })[];
  /** The scan's MB/s over the fastest raw parser's. */
  scanOverFastest: number;
}

const outcomes = ['INTERESTED', 'NOT_INTERESTED', 'CALLBACK_LATER', 'NO_ANSWER', 'BUSY'];

/**
 * Writes a disposition file of `rows` rows (every 10th contact appears twice, some
 * notes quoted with commas) and runs the streaming two-pass scan over it.
 * Printed by `npm run bench`; never asserted.
 */
export async function benchParse({ rows }: { rows: number }): Promise<ParseBenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 'dispo-bench-'));
  try {
    const path = join(dir, 'dispositions.csv');
    await writeBenchFile(path, rows);
    const bytes = (await stat(path)).size;
    let peakRss = process.memoryUsage.rss();
    const started = process.hrtime.bigint();
    let seen = 0;
    const counts = { winners: 0, duplicates: 0, superseded: 0, invalid: 0 };
    const kinds = { winner: 'winners', duplicate: 'duplicates', superseded: 'superseded', invalid: 'invalid' } as const;
    for await (const event of classifyDispositionFile(path, {
      outcomeMatrix: defaultOutcomeMatrix,
      now: () => new Date(),
      onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage.rss())),
    })) {
      if (event.type !== 'row') continue;
      seen += 1;
      counts[kinds[event.kind]] += 1;
    }
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const mbPerSecond = bytes / 1_048_576 / seconds;
    // After the scan, so its peak RSS is its own.
    const raw = [];
    for (const parser of rawParsers) {
      const result = await benchRawParse(path, parser);
      raw.push({ ...result, seconds: round(result.seconds), mbPerSecond: round(bytes / 1_048_576 / result.seconds) });
    }
    const fastest = Math.max(...raw.map((result) => result.mbPerSecond));
    return {
      rows: seen,
      bytes,
      seconds: round(seconds),
      mbPerSecond: round(mbPerSecond),
      peakRssMb: round(peakRss / 1_048_576),
      counts,
      rawParsers: raw,
      scanOverFastest: Math.round((mbPerSecond / fastest) * 1000) / 1000,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function writeBenchFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write('contact_id,campaign_id,outcome_code,agent_id,notes,disposition_timestamp,custom_lead_score\n');
  const base = Date.UTC(2024, 5, 1);
  for (let i = 0; i < rows; i += 1) {
    const contact = i % 10 === 9 ? i - 1 : i;
    const notes = i % 3 === 0 ? `"Called, left message ""${i}"""` : 'no answer';
    const timestamp = new Date(base + i * 1000).toISOString();
    await write(`c-${contact},camp-${contact % 20},${outcomes[i % outcomes.length]},agent-${i % 150},${notes},${timestamp},${i % 100}\n`);
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const round = (value: number) => Math.round(value * 100) / 100;
