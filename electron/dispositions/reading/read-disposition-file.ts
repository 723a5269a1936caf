import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { consoleError, ConsoleFailure } from '../../../shared/errors';
import type { ColumnMapping } from '../../../shared/dispositions/disposition-fields';
import { suggestColumnMapping, type MappingSuggestion } from '../../../shared/dispositions/column-mapping';
import type { RowValidation } from '../../../shared/dispositions/disposition-row';
import { validateDispositionRow } from '../../../shared/dispositions/validate-disposition-row';
import { byteMeter } from './byte-meter';
import { detectFileEncoding, type FileEncoding } from './detect-encoding';
import { lineEndingNormaliser } from './line-ending-normaliser';
import { readFailure } from './read-errors';
import { checkShape, rawRecord } from './record-shape';
import { usableMapping } from './usable-mapping';

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  /** Rows handed to the consumer so far. */
  rows: number;
}

export interface ReadDispositionOptions {
  /** The user's confirmed mapping; the suggested one when absent. */
  mapping?: ColumnMapping;
  outcomeMatrix: readonly string[];
  /** Called per row that lacks a timestamp; pass one fixed instant to make rows comparable across reads. */
  now: () => Date;
  signal?: AbortSignal;
  /** Called for every chunk read from disk (64 KiB) and once at the end. */
  onProgress?: (progress: ReadProgress) => void;
  /** Skips detection (e.g. the user picked the encoding). */
  encoding?: FileEncoding;
  /** Sees every byte read, in order; the scan hashes the file in the same read with it. */
  onBytes?: (chunk: Buffer) => void;
}

export type ReadRowEvent =
  | {
      type: 'header';
      line: number;
      headers: string[];
      suggested: MappingSuggestion;
      /** The mapping rows are validated with. */
      mapping: ColumnMapping;
      encoding: FileEncoding;
      /** Problems with the file as a whole: duplicate headers, mapped columns the file lacks. */
      fileProblems: string[];
      totalBytes: number;
    }
  | { type: 'row'; line: number; raw: Record<string, string>; result: RowValidation };

const chunkBytes = 64 * 1024;
/** Far above any real row (notes ≤ 4000 characters); stops an unclosed quote from swallowing the whole file into memory. */
const maxRecordChars = 1_000_000;

/**
 * Streams a disposition CSV (RFC 4180) row by row with back-pressure from the
 * consumer: nothing is read ahead beyond a few stream buffers, so memory stays
 * flat however long the file is. Throws ConsoleFailure when the file cannot be
 * read at all; everything wrong with a row is a problem in that row's result.
 */
export async function* readDispositionFile(path: string, options: ReadDispositionOptions): AsyncGenerator<ReadRowEvent> {
  const { signal, onProgress } = options;
  let totalBytes: number;
  let encoding: FileEncoding;
  try {
    totalBytes = (await stat(path)).size;
    encoding = options.encoding ?? (await detectFileEncoding(path)).encoding;
  } catch (thrown) {
    throw new ConsoleFailure(readFailure(thrown, path));
  }

  let bytesRead = 0;
  let rows = 0;
  const report = () => onProgress?.({ bytesRead, totalBytes, rows });
  const source = createReadStream(path, { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) });
  const meter = byteMeter((chunk) => {
    bytesRead += chunk.length;
    options.onBytes?.(chunk);
    report();
  });
  // Blank lines are skipped here rather than by csv-parse, which keeps the line count exact
  // without `info: true` (that option alone costs a third of the parsing time).
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: '\n',
    max_record_size: maxRecordChars,
  });
  const piping = pipeline(source, meter, iconv.decodeStream(encoding), lineEndingNormaliser(), parser);
  // Settled in `finally`; this only keeps an early stop by the consumer from being an unhandled rejection.
  piping.catch(() => undefined);

  try {
    let header: Extract<ReadRowEvent, { type: 'header' }> | undefined;
    let nextLine = 1;
    for await (const record of parser as AsyncIterable<string[]>) {
      signal?.throwIfAborted();
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(record);
      if (isBlank(record)) continue;
      if (header === undefined) {
        header = headerEvent(record, line, options.mapping, encoding, totalBytes);
        yield header;
        continue;
      }
      const shape = checkShape(record, header.headers.length, line);
      const raw = rawRecord(header.headers, record);
      const result: RowValidation = shape.ok
        ? withDecodingCheck(validateDispositionRow(raw, header.mapping, { outcomeMatrix: options.outcomeMatrix, now: options.now, lineNumber: line }), raw, line)
        : { ok: false, problems: shape.problems };
      rows += 1;
      yield { type: 'row', line, raw, result };
    }
    await piping;
    if (header === undefined) {
      throw new ConsoleFailure(consoleError('validation', `The file ${path} is empty; expected a header line and one row per disposition.`, { target: path }));
    }
    report();
  } catch (thrown) {
    throw new ConsoleFailure(readFailure(signal?.aborted ? signal.reason : thrown, path));
  } finally {
    parser.destroy();
    source.destroy();
    await piping.catch(() => undefined);
  }
}

/** Line endings are LF by now; those inside quoted values make the record span more lines. */
function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const value of record) {
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) breaks += 1;
  }
  return breaks;
}

/** An empty line, or one of only separators and spaces (spreadsheets write `,,,,` for empty rows). */
const isBlank = (record: readonly string[]): boolean => record.every((value) => value.trim() === '');

function headerEvent(
  cells: readonly string[],
  line: number,
  chosen: ColumnMapping | undefined,
  encoding: FileEncoding,
  totalBytes: number,
): Extract<ReadRowEvent, { type: 'header' }> {
  const headers = cells.map((cell) => cell.trim());
  const suggested = suggestColumnMapping(headers);
  const usable = usableMapping(chosen ?? suggested.mapping, headers);
  const duplicates = [...new Set(headers.filter((header, index) => header !== '' && headers.indexOf(header) !== index))];
  const fileProblems = [
    ...duplicates.map((header) => `Column "${header}" appears more than once in the header (line ${line}); only the first one is read.`),
    ...usable.missingHeaders.map(({ label, header }) => `The mapping reads the ${label} from column "${header}", which this file does not have.`),
  ];
  return { type: 'header', line, headers, suggested, mapping: usable.mapping, encoding, fileProblems, totalBytes };
}

/** Text the decoder could not make sense of shows up as U+FFFD: say so rather than import mojibake. */
function withDecodingCheck(result: RowValidation, raw: Readonly<Record<string, string>>, line: number): RowValidation {
  const column = Object.keys(raw).find((header) => raw[header]?.includes('\uFFFD'));
  if (column === undefined) return result;
  const problem = {
    line,
    column,
    field: null,
    message: `Line ${line}: column "${column}" contains bytes that are not valid text in this file's encoding (shown as \uFFFD); save the file as UTF-8 and import it again.`,
  };
  return { ok: false, problems: [problem, ...(result.ok ? [] : result.problems)] };
}
