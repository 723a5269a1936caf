import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { consoleError, ConsoleFailure } from '../../../shared/errors';
import type { ColumnMapping } from '../../../shared/dispositions/disposition-fields';
import { suggestColumnMapping, type MappingSuggestion } from '../../../shared/dispositions/column-mapping';
import type { RowValidation } from '../../../shared/dispositions/disposition-row';
import { validateDispositionRow, type OutcomeHelp } from '../../../shared/dispositions/validate-disposition-row';
import { byteMeter } from './byte-meter';
import { CsvRecordSplitter, type BoundsSink } from './csv-record-splitter';
import { boundsOfValues, fieldValues, type RecordBounds } from '../../../shared/dispositions/record-bounds';
import { readChunks } from './read-chunks';
import { inspectFile, type FileEncoding, type FileInspection } from './inspect-file';
import { isCsvParseError, readFailure, unreadRest } from './read-errors';
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
  /** Names and the mapping place a refusal of an unknown outcome code mentions. */
  outcomeHelp?: OutcomeHelp;
  /** Called per row that lacks a timestamp; pass one fixed instant to make rows comparable across reads. */
  now: () => Date;
  signal?: AbortSignal;
  /** Called for every chunk read from disk (256 KiB) and once at the end. */
  onProgress?: (progress: ReadProgress) => void;
  /** Overrides the detected encoding (e.g. the user picked it). */
  encoding?: FileEncoding;
  /** A previous read's look at the same bytes (the scan's second pass); skips reading them an extra time. */
  inspection?: FileInspection;
  /** Sees every byte read, in order; the scan hashes the file in the same read with it. */
  onBytes?: (chunk: Buffer) => void;
  /**
   * Called once the header is read; the check it returns sees each well-shaped record (values in
   * header order) before it is validated, and a record it returns true for is the consumer's: no
   * event is made for it. The scan counts plain rows this way without building them.
   */
  claimRows?: (header: Extract<ReadRowEvent, { type: 'header' }>) => RowClaim | null;
}

/** Sees a well-shaped record (values in header order, read in place from `text`) and says whether it is the consumer's. */
export type RowClaim = (text: string, record: RecordBounds, line: number) => boolean;

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
      inspection: FileInspection;
    }
  | { type: 'row'; line: number; raw: Record<string, string>; result: RowValidation }
  /** The last event when the CSV cannot be followed past a line: rows before it are sound, lines from `line` on were not read. */
  | { type: 'unread'; line: number; lastLine: number; column: string; message: string };

/** One read of the file; far below the read-ahead a consumer may notice (1 MiB), few enough awaits for a big file. */
const chunkBytes = 256 * 1024;
/**
 * Bytes decoded into one string: below V8's large-object size (128 KiB), so each chunk's text (and
 * its copy joined to the last record's start) is young garbage, gone at the next scavenge, instead
 * of large objects that pile up in the old space until a full collection.
 */
const decodeBytes = 48 * 1024;
/**
 * Far above any real row (notes ≤ 4000 characters), so an oversized value is read and rejected as
 * one row; it only stops an unclosed quote from swallowing a huge file into memory.
 */
export const maxRecordBytes = 32 * 1024 * 1024;
const recordDelimiters = ['\r\n', '\n', '\r'];
/** The code of the failure for a file with no header and no rows: readable, just empty. */
export const noRowsCode = 'NO_ROWS';

/**
 * Streams a disposition CSV (RFC 4180) row by row with back-pressure from the
 * consumer: nothing is read ahead beyond one chunk of the file, so memory stays
 * flat however long the file is. Throws ConsoleFailure when the file cannot be
 * read at all; everything wrong with a row is a problem in that row's result.
 */
export async function* readDispositionFile(path: string, options: ReadDispositionOptions): AsyncGenerator<ReadRowEvent> {
  const { signal } = options;
  try {
    for await (const events of readDispositionEvents(path, options)) {
      for (const event of events) {
        signal?.throwIfAborted();
        yield event;
      }
    }
  } catch (thrown) {
    throw new ConsoleFailure(readFailure(signal?.aborted ? signal.reason : thrown, path));
  }
}

/**
 * The same events a chunk of the file at a time (one await per 256 KiB read, not per row): what a
 * consumer that only counts or collects iterates. Back-pressure and failures as readDispositionFile.
 */
export async function* readDispositionEvents(path: string, options: ReadDispositionOptions): AsyncGenerator<ReadRowEvent[]> {
  const { signal, onProgress } = options;
  let inspection: FileInspection;
  try {
    inspection = options.inspection ?? (await inspectFile(path, signal));
  } catch (thrown) {
    throw new ConsoleFailure(readFailure(signal?.aborted ? signal.reason : thrown, path));
  }
  const fileName = basename(path);
  if (inspection.binaryAt !== null) {
    const { line, column } = inspection.binaryAt;
    throw new ConsoleFailure(
      consoleError(
        'validation',
        `${fileName} is not a CSV text file: it holds binary data (a NUL byte on line ${line}, column ${column}); if it is a spreadsheet, save it as CSV first.`,
        { target: path },
      ),
    );
  }
  const encoding = options.encoding ?? inspection.encoding;
  const totalBytes = inspection.totalBytes;

  let bytesRead = 0;
  let rows = 0;
  const report = () => onProgress?.({ bytesRead, totalBytes, rows });
  const onChunk = (chunk: Buffer) => {
    bytesRead += chunk.length;
    options.onBytes?.(chunk);
    report();
  };
  const context = { outcomeMatrix: options.outcomeMatrix, outcomeHelp: options.outcomeHelp, now: options.now, lineNumber: 0 };

  let header: Extract<ReadRowEvent, { type: 'header' }> | undefined;
  let claim: RowClaim | null = null;
  let nextLine = 1;
  /** The record is the claim's (a plain row, counted by the consumer): no event. */
  const claimed = (text: string, bounds: RecordBounds, line: number): boolean => {
    if (header === undefined || claim === null || bounds.count !== header.headers.length || !claim(text, bounds, line)) return false;
    rows += 1;
    return true;
  };
  const eventOf = (record: string[], line: number): ReadRowEvent | null => {
    if (isBlank(record)) return null;
    if (header === undefined) {
      header = headerEvent(record, line, options.mapping, encoding, inspection);
      // Rows on lines with undecodable bytes are refused by the full check only.
      if (inspection.undecodableLines.size === 0) claim = options.claimRows?.(header) ?? null;
      return header;
    }
    const shape = checkShape(record, header.headers.length, line);
    const raw = rawRecord(header.headers, record);
    context.lineNumber = line;
    const result: RowValidation = shape.ok
      ? withDecodingCheck(validateDispositionRow(raw, header.mapping, context), raw, line, nextLine - 1, inspection)
      : { ok: false, problems: shape.problems };
    rows += 1;
    return { type: 'row', line, raw, result };
  };

  // Records are handled as the splitter hands them out (a plain one is garbage at once: nothing of it outlives a young-generation collection).
  let events: ReadRowEvent[] = [];
  const onBounds: BoundsSink = (text, bounds, breaks) => {
    const line = nextLine;
    nextLine += 1 + breaks;
    if (claimed(text, bounds, line)) return;
    const event = eventOf(fieldValues(text, bounds), line);
    if (event !== null) events.push(event);
  };
  const onRecord = (record: string[], breaks: number) => {
    const line = nextLine;
    nextLine += 1 + breaks;
    if (claim !== null) {
      const { text, bounds } = boundsOfValues(record);
      if (claimed(text, bounds, line)) return;
    }
    const event = eventOf(record, line);
    if (event !== null) events.push(event);
  };
  try {
    try {
      for await (const _chunk of recordBatches(path, encoding, signal, onChunk, onBounds, onRecord)) {
        signal?.throwIfAborted();
        if (events.length === 0) continue;
        const ready = events;
        events = [];
        yield ready;
      }
      if (events.length > 0) yield events;
    } catch (thrown) {
      if (!isCsvParseError(thrown) || signal?.aborted) throw thrown;
      const unread = unreadRest(thrown, {
        fileName,
        line: nextLine,
        lastLine: Math.max(nextLine, inspection.lineCount),
        headers: header?.headers ?? [],
        maxRecordBytes,
      });
      // Nothing is usable without a header: the file as a whole cannot be read.
      if (header === undefined) throw new ConsoleFailure(consoleError('validation', unread.message, { target: path }));
      report();
      yield [...events, unread];
      return;
    }
    if (header === undefined) {
      throw new ConsoleFailure(
        consoleError(
          'validation',
          `${fileName} is empty: it has no header line and no rows; expected a header line (campaign_id, contact_id, outcome_code, agent_id, …) and one row per disposition.`,
          { target: path, code: noRowsCode },
        ),
      );
    }
    report();
  } catch (thrown) {
    throw new ConsoleFailure(readFailure(signal?.aborted ? signal.reason : thrown, path));
  }
}

/**
 * The file's records, a chunk at a time. The fast splitter reads plain CSV; from the first
 * record it is not sure of, csv-parse reads the file again from the start and the records
 * already handed out are skipped, so every file is read as csv-parse reads it. `onChunk`
 * sees each byte once, in order.
 */
/**
 * Hands each record of the file to `onRecord` with the line breaks inside its quoted values (the
 * lines it spans past its first), and yields once after each chunk.
 */
async function* recordBatches(
  path: string,
  encoding: FileEncoding,
  signal: AbortSignal | undefined,
  onChunk: (chunk: Buffer) => void,
  onBounds: BoundsSink,
  onRecord: (record: string[], breaks: number) => void,
): AsyncGenerator<void> {
  const splitter = new CsvRecordSplitter(maxRecordBytes);
  const decoder = iconv.getDecoder(encoding);
  let delivered = 0;
  const source = readChunks(path, chunkBytes, signal);
  try {
    for await (const chunk of source) {
      delivered += chunk.length;
      onChunk(chunk);
      let going = true;
      for (let at = 0; going && at < chunk.length; at += decodeBytes)
        going = splitter.pushBounds(decoder.write(chunk.subarray(at, at + decodeBytes)), onBounds);
      yield;
      if (!going) break;
    }
    if (!splitter.stopped) {
      const tail = decoder.end() ?? '';
      if (splitter.pushBounds(tail, onBounds)) splitter.endBounds(onBounds);
      yield;
      if (!splitter.stopped) return;
    }
  } finally {
    await source.return(undefined);
  }
  yield* csvParseRecords(path, encoding, signal, splitter.records, onRecord, (chunk, offset) => {
    if (offset + chunk.length <= delivered) return;
    const fresh = chunk.subarray(Math.max(0, delivered - offset));
    delivered += fresh.length;
    onChunk(fresh);
  });
}

/** csv-parse over the whole file, skipping its first `skip` records (the fast splitter's). */
async function* csvParseRecords(
  path: string,
  encoding: FileEncoding,
  signal: AbortSignal | undefined,
  skip: number,
  onRecord: (record: string[], breaks: number) => void,
  onChunk: (chunk: Buffer, offset: number) => void,
): AsyncGenerator<void> {
  let offset = 0;
  const source = createReadStream(path, { highWaterMark: chunkBytes, ...(signal ? { signal } : {}) });
  const meter = byteMeter((chunk) => {
    onChunk(chunk, offset);
    offset += chunk.length;
  });
  // CRLF, LF and a lone CR all end a record, and inside quotes each stays exactly as written.
  // Blank lines are skipped by the reader rather than by csv-parse, which keeps the line count exact
  // without `info: true` (that option alone costs a third of the parsing time).
  const parser = parse({
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    record_delimiter: recordDelimiters,
    max_record_size: maxRecordBytes,
  });
  const piping = pipeline(source, meter, iconv.decodeStream(encoding), parser);
  // Settled in `finally`; this only keeps an early stop by the consumer from being an unhandled rejection.
  piping.catch(() => undefined);
  let skipped = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (skipped < skip) {
        skipped += 1;
        continue;
      }
      onRecord(record, lineBreaksIn(record));
      yield;
    }
    await piping;
  } finally {
    parser.destroy();
    source.destroy();
    await piping.catch(() => undefined);
  }
}

/** Each CRLF, LF or lone CR inside a quoted value makes the record span one more line. */
function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const value of record) {
    if (value.indexOf('\n') === -1 && value.indexOf('\r') === -1) continue;
    for (let at = 0; at < value.length; at += 1) {
      const code = value.charCodeAt(at);
      if (code === 10 || (code === 13 && value.charCodeAt(at + 1) !== 10)) breaks += 1;
    }
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
  inspection: FileInspection,
): Extract<ReadRowEvent, { type: 'header' }> {
  const headers = cells.map((cell) => cell.trim());
  const suggested = suggestColumnMapping(headers);
  const usable = usableMapping(chosen ?? suggested.mapping, headers);
  const duplicates = [...new Set(headers.filter((header, index) => header !== '' && headers.indexOf(header) !== index))];
  const fileProblems = [
    ...duplicates.map((header) => `Column "${header}" appears more than once in the header (line ${line}); only the first one is read.`),
    ...usable.missingHeaders.map(({ label, header }) => `The mapping reads the ${label} from column "${header}", which this file does not have.`),
  ];
  return { type: 'header', line, headers, suggested, mapping: usable.mapping, encoding, fileProblems, totalBytes: inspection.totalBytes, inspection };
}

/**
 * Bytes the encoding cannot decode arrive as U+FFFD; only rows on the lines where the byte
 * census found such bytes are refused. A U+FFFD written as text is kept like any character.
 */
function withDecodingCheck(
  result: RowValidation,
  raw: Readonly<Record<string, string>>,
  line: number,
  lastLine: number,
  inspection: FileInspection,
): RowValidation {
  if (inspection.undecodableLines.size === 0) return result;
  let badLine: number | undefined;
  for (let at = line; at <= lastLine && badLine === undefined; at += 1) if (inspection.undecodableLines.has(at)) badLine = at;
  if (badLine === undefined) return result;
  const column = Object.keys(raw).find((header) => raw[header]?.includes('\uFFFD')) ?? '';
  const what = column === '' ? 'holds bytes' : `column "${column}" holds bytes`;
  const problem = {
    line,
    column,
    field: null,
    message:
      inspection.encoding === 'windows-1252'
        ? `Line ${line}: ${what} that Windows-1252 does not define (on line ${badLine}, shown as \uFFFD); the file is not UTF-8, so it is read as Windows-1252. Retype that value, or save the file as UTF-8.`
        : `Line ${line}: ${what} that are not valid UTF-8 (on line ${badLine}, shown as \uFFFD) although the rest of the file is UTF-8; retype that value, or save the file as UTF-8 again.`,
  };
  return { ok: false, problems: [problem, ...(result.ok ? [] : result.problems)] };
}
