import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOutcomeMatrix } from '../../shared/cxone/schemas';
import { benchRawParse, rawParsers, type RawParseResult } from './raw-parsers';
import { benchCheckCommand, type CheckCommandRun } from './check-command';
import { scanDispositionFile } from '../../electron/dispositions/reading/scan-disposition-file';

export interface ParseBenchResult {
  rows: number;
  bytes: number;
  seconds: number;
  /** The file's size over the scan's wall time: what a person waiting for the file sees. */
  mbPerSecond: number;
  /** The bench process's peak RSS over the scan: it includes what the bench did before (writing the file, earlier sections). */
  peakRssMb: number;
  /** The same scan as `dispositions check` in a process of its own: its peak RSS is the scan's alone. */
  checkCommand: CheckCommandRun;
  counts: { winners: number; duplicates: number; superseded: number; invalid: number };
  /** The same file split into records by each parser alone, in the same run. */
  rawParsers: (RawParseResult & { mbPerSecond: number })[];
  /** The scan's MB/s over the fastest raw parser's. */
  scanOverFastest: number;
  /** The scan's CPU time, and the fastest raw parser's CPU time over it (the machine is shared: wall times swing with its load). */
  cpuSeconds: number;
  scanOverFastestByCpu: number;
  countedIn: 'worker' | 'this-thread' | undefined;
}

const outcomes = ['INTERESTED', 'NOT_INTERESTED', 'CALLBACK_LATER', 'NO_ANSWER', 'BUSY'];

/**
 * Writes a disposition file of `rows` rows (see benchRow) and runs over it the scan that
 * `dispositions check` runs, then each raw parser alone, then the command itself in its own process.
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
    const cpu = process.cpuUsage();
    // What `dispositions check` runs: read, validate and de-duplicate, counting only.
    const scanned = await scanDispositionFile(path, {
      outcomeMatrix: defaultOutcomeMatrix,
      now: () => new Date(),
      keepRows: false,
      onProgress: () => (peakRss = Math.max(peakRss, process.memoryUsage.rss())),
    });
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    if (!scanned.ok) throw new Error(scanned.error.message);
    const { rows: seen, winners, duplicates, superseded, invalid } = scanned.value.counts;
    const counts = { winners, duplicates, superseded, invalid };
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuUsed = process.cpuUsage(cpu);
    const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
    const mbPerSecond = bytes / 1_048_576 / seconds;
    // After the scan, so its peak RSS is its own.
    const raw = [];
    for (const parser of rawParsers) {
      const result = await benchRawParse(path, parser);
      raw.push({ ...result, seconds: round(result.seconds), cpuSeconds: round(result.cpuSeconds), mbPerSecond: round(bytes / 1_048_576 / result.seconds) });
    }
    const checkCommand = await benchCheckCommand(path);
    const fastest = Math.max(...raw.map((result) => result.mbPerSecond));
    const fastestCpu = Math.min(...raw.map((result) => result.cpuSeconds));
    return {
      rows: seen,
      bytes,
      seconds: round(seconds),
      mbPerSecond: round(mbPerSecond),
      peakRssMb: round(peakRss / 1_048_576),
      checkCommand,
      counts,
      rawParsers: raw,
      scanOverFastest: Math.round((mbPerSecond / fastest) * 1000) / 1000,
      cpuSeconds: round(cpuSeconds),
      scanOverFastestByCpu: Math.round((fastestCpu / cpuSeconds) * 1000) / 1000,
      countedIn: scanned.value.countedIn,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function writeBenchFile(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  const write = async (text: string) => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  };
  await write('contact_id,campaign_id,outcome_code,agent_id,notes,disposition_timestamp,custom_lead_score\n');
  const base = Date.UTC(2024, 5, 1);
  let lines: string[] = [];
  let previous = '';
  for (let i = 0; i < rows; i += 1) {
    // Every 100th row repeats the one before it exactly: a duplicate.
    const line = i % 100 === 42 ? previous : benchRow(i, base);
    previous = line;
    lines.push(line);
    if (lines.length === 1000) {
      await write(lines.join(''));
      lines = [];
    }
  }
  await write(lines.join(''));
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

/**
 * One row: every 10th contact appears again with a later disposition (superseded), notes are
 * quoted with commas, doubled quotes and line breaks of all three kinds inside, and 2 rows in 100
 * are invalid (an outcome code in small letters, a timestamp without a zone).
 */
function benchRow(i: number, base: number): string {
  const contact = i % 10 === 9 ? i - 1 : i;
  const notes =
    i % 7 === 0
      ? `"Called, left message ""${i}"""`
      : i % 7 === 1
        ? `"line one\nline two, ${i}"`
        : i % 7 === 2
          ? `"first\r\nsecond"`
          : i % 7 === 3
            ? `"lone\rcarriage return"`
            : 'no answer';
  const outcome = i % 100 === 17 ? 'busy' : (outcomes[i % outcomes.length] as string);
  const stamp = new Date(base + i * 1000).toISOString();
  const timestamp = i % 100 === 71 ? stamp.slice(0, 19) : stamp;
  return `c-${contact},camp-${contact % 20},${outcome},agent-${i % 150},${notes},${timestamp},${i % 100}\n`;
}

const round = (value: number) => Math.round(value * 100) / 100;
