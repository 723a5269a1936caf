import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse as csvParse } from 'csv-parse';
import Papa from 'papaparse';
import { inferSchema, initParser, type Parser } from 'udsv';

/** The parsers the file scan is measured against: each only splits the file into records and counts them. */
export const rawParsers = ['csv-parse', 'papaparse', 'udsv'] as const;
export type RawParser = (typeof rawParsers)[number];

export interface RawParseResult {
  parser: RawParser;
  records: number;
  seconds: number;
  /** CPU time of this process over the parse (user + system): hardly moved by other work on the machine. */
  cpuSeconds: number;
}

const chunkBytes = 64 * 1024;

async function countWithCsvParse(path: string): Promise<number> {
  let records = 0;
  const parser = csvParse({ relax_column_count: true, relax_quotes: true });
  parser.on('data', () => (records += 1));
  await pipeline(createReadStream(path, { highWaterMark: chunkBytes, encoding: 'utf8' }), parser);
  return records;
}

async function countWithPapaparse(path: string): Promise<number> {
  let records = 0;
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {});
  parser.on('data', () => (records += 1));
  await pipeline(createReadStream(path, { highWaterMark: chunkBytes, encoding: 'utf8' }), parser);
  return records;
}

async function countWithUdsv(path: string): Promise<number> {
  let records = 0;
  let parser: Parser | null = null;
  const count = () => void (records += 1);
  for await (const chunk of createReadStream(path, { highWaterMark: chunkBytes, encoding: 'utf8' })) {
    const text = chunk as string;
    parser ??= initParser(inferSchema(text));
    parser.chunk<string[]>(text, parser.stringArrs, count);
  }
  parser?.end();
  // inferSchema takes the first line as the header; the others count the header as a record.
  return records + 1;
}

const counters: Record<RawParser, (path: string) => Promise<number>> = { 'csv-parse': countWithCsvParse, papaparse: countWithPapaparse, udsv: countWithUdsv };

export async function benchRawParse(path: string, parser: RawParser): Promise<RawParseResult> {
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const records = await counters[parser](path);
  const used = process.cpuUsage(cpu);
  return { parser, records, seconds: Number(process.hrtime.bigint() - started) / 1e9, cpuSeconds: (used.user + used.system) / 1e6 };
}
