import type { MappingSuggestion } from '../../../shared/dispositions/column-mapping';
import type { RowProblem } from '../../../shared/dispositions/disposition-row';
import type { OutcomeHelp } from '../../../shared/dispositions/validate-disposition-row';
import { readDispositionFile, type ReadProgress } from '../reading/read-disposition-file';

/** A file read once into memory for the batch editor: header facts and every row's raw cells. */
export interface ReadBatch {
  path: string;
  fileName: string;
  contentHash: string;
  encoding: string;
  sizeBytes: number;
  headers: string[];
  /** The line the header is on (blank lines before it are skipped). */
  headerLine: number;
  suggested: MappingSuggestion;
  /** Problems with the header itself (duplicate columns). */
  headerProblems: string[];
  rows: BatchSourceRow[];
  /** Where the CSV could not be followed (a quote never closed): lines from `line` on were not read. */
  unread: { line: number; lastLine: number; message: string } | null;
  /** The instant rows without a timestamp get, fixed per read so identical rows stay identical. */
  readAt: Date;
}

export interface BatchSourceRow {
  line: number;
  raw: Record<string, string>;
  /** Problems no cell edit can fix here: a ragged row, undecodable bytes. */
  shapeProblems: RowProblem[];
}

export async function readBatch(
  path: string,
  options: {
    fileName: string;
    outcomeMatrix: readonly string[];
    outcomeHelp?: OutcomeHelp;
    signal?: AbortSignal;
    onProgress?: (progress: ReadProgress) => void;
  },
): Promise<ReadBatch> {
  const readAt = new Date();
  const rows: BatchSourceRow[] = [];
  let unread: ReadBatch['unread'] = null;
  let sha256 = '';
  let header: Omit<ReadBatch, 'rows' | 'contentHash' | 'path' | 'fileName' | 'readAt' | 'unread'> | null = null;
  for await (const event of readDispositionFile(path, {
    outcomeMatrix: options.outcomeMatrix,
    ...(options.outcomeHelp ? { outcomeHelp: options.outcomeHelp } : {}),
    now: () => readAt,
    signal: options.signal,
    onProgress: options.onProgress,
  })) {
    if (event.type === 'unread') {
      unread = { line: event.line, lastLine: event.lastLine, message: event.message };
      continue;
    }
    if (event.type === 'header') {
      sha256 = event.inspection.sha256;
      header = {
        encoding: event.encoding,
        sizeBytes: event.totalBytes,
        headers: event.headers,
        headerLine: event.line,
        suggested: event.suggested,
        headerProblems: event.fileProblems,
      };
      continue;
    }
    rows.push({ line: event.line, raw: event.raw, shapeProblems: event.result.ok ? [] : event.result.problems.filter((problem) => problem.field === null) });
  }
  if (!header) throw new Error(`No header in ${path}`);
  return { path, fileName: options.fileName, contentHash: sha256, readAt, rows, unread, ...header };
}
