import type { MappingSuggestion } from '../../../shared/dispositions/column-mapping';
import type { RowProblem } from '../../../shared/dispositions/disposition-row';
import { contentHash } from '../reading/content-hash';
import { readDispositionFile, type ReadProgress } from '../reading/read-disposition-file';

/** A file read once into memory for the batch editor: header facts and every row's raw cells. */
export interface ReadBatch {
  path: string;
  fileName: string;
  contentHash: string;
  encoding: string;
  sizeBytes: number;
  headers: string[];
  suggested: MappingSuggestion;
  /** Problems with the header itself (duplicate columns). */
  headerProblems: string[];
  rows: BatchSourceRow[];
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
  options: { fileName: string; outcomeMatrix: readonly string[]; signal?: AbortSignal; onProgress?: (progress: ReadProgress) => void },
): Promise<ReadBatch> {
  const readAt = new Date();
  const hash = contentHash(path, options.signal);
  hash.catch(() => undefined);
  const rows: BatchSourceRow[] = [];
  let header: Omit<ReadBatch, 'rows' | 'contentHash' | 'path' | 'fileName' | 'readAt'> | null = null;
  for await (const event of readDispositionFile(path, { outcomeMatrix: options.outcomeMatrix, now: () => readAt, signal: options.signal, onProgress: options.onProgress })) {
    if (event.type === 'header') {
      header = {
        encoding: event.encoding,
        sizeBytes: event.totalBytes,
        headers: event.headers,
        suggested: event.suggested,
        headerProblems: event.fileProblems,
      };
      continue;
    }
    rows.push({ line: event.line, raw: event.raw, shapeProblems: event.result.ok ? [] : event.result.problems.filter((problem) => problem.field === null) });
  }
  if (!header) throw new Error(`No header in ${path}`);
  return { path, fileName: options.fileName, contentHash: await hash, readAt, rows, ...header };
}
