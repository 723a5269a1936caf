import { createHash } from 'node:crypto';
import { consoleError, ConsoleFailure } from '../../../shared/errors';
import type { DispositionRow, RowProblem } from '../../../shared/dispositions/disposition-row';
import { DuplicateResolver, type DuplicateVerdict } from '../../../shared/dispositions/resolve-duplicates';
import { readDispositionFile, type ReadDispositionOptions, type ReadProgress, type ReadRowEvent } from './read-disposition-file';

export type HeaderEvent = Extract<ReadRowEvent, { type: 'header' }>;
export type UnreadEvent = Extract<ReadRowEvent, { type: 'unread' }>;

export type ClassifiedRow =
  | { line: number; raw: Record<string, string>; kind: 'invalid'; problems: RowProblem[] }
  | { line: number; raw: Record<string, string>; kind: 'winner'; row: DispositionRow }
  | { line: number; raw: Record<string, string>; kind: 'duplicate'; row: DispositionRow; of: number }
  | { line: number; raw: Record<string, string>; kind: 'superseded'; row: DispositionRow; by: number };

export type ClassifiedEvent = HeaderEvent | UnreadEvent | ({ type: 'row' } & ClassifiedRow);

export interface ClassifyOptions extends Omit<ReadDispositionOptions, 'onProgress' | 'onBytes'> {
  /** Pass 1 finds each contact's winner, pass 2 classifies and yields the rows. */
  onProgress?: (progress: ReadProgress & { pass: 1 | 2 }) => void;
  /** Called once, after pass 1, with the sha256 of the bytes read. */
  onContentHash?: (sha256: string) => void;
}

/**
 * The streaming two-pass scan: reads the file twice and holds only one small
 * winner entry per contact in between, never the rows. Use it for files too big
 * to hold (scanDispositionFile collects its output for the batch grid).
 * `now` is called once: rows without a timestamp all get that instant in both
 * passes, so identical rows stay identical.
 */
export async function* classifyDispositionFile(path: string, options: ClassifyOptions): AsyncGenerator<ClassifiedEvent> {
  const instant = options.now();
  const { onProgress, onContentHash, ...readable } = options;
  let inspection: HeaderEvent['inspection'] | undefined;
  const readOptions = (pass: 1 | 2, hash: ReturnType<typeof createHash>): ReadDispositionOptions => ({
    ...readable,
    ...(inspection ? { inspection } : {}),
    now: () => instant,
    onBytes: (chunk) => {
      hash.update(chunk);
    },
    onProgress: (progress: ReadProgress) => onProgress?.({ ...progress, pass }),
  });

  const resolver = new DuplicateResolver();
  const firstHash = createHash('sha256');
  for await (const event of readDispositionFile(path, readOptions(1, firstHash))) {
    if (event.type === 'header') inspection = event.inspection;
    if (event.type === 'row' && event.result.ok) resolver.observe(event.result.row);
  }
  const sha256 = firstHash.digest('hex');
  onContentHash?.(sha256);

  const secondHash = createHash('sha256');
  for await (const event of readDispositionFile(path, readOptions(2, secondHash))) {
    if (event.type === 'header' || event.type === 'unread') {
      yield event;
      continue;
    }
    const { line, raw, result } = event;
    if (!result.ok) {
      yield { type: 'row', line, raw, kind: 'invalid', problems: result.problems };
      continue;
    }
    if (!resolver.hasObserved(result.row)) throw fileChanged(path);
    yield { type: 'row', line, raw, ...withVerdict(result.row, resolver.classify(result.row)) };
  }
  if (secondHash.digest('hex') !== sha256) throw fileChanged(path);
}

/** Verdicts already yielded are then worthless: the consumer discards the whole classification. */
const fileChanged = (path: string) =>
  new ConsoleFailure(consoleError('conflict', `The file ${path} changed while it was being read; read it again once it is saved.`, { target: path }));

function withVerdict(row: DispositionRow, verdict: DuplicateVerdict) {
  switch (verdict.kind) {
    case 'winner':
      return { kind: 'winner' as const, row };
    case 'duplicate':
      return { kind: 'duplicate' as const, row, of: verdict.of };
    case 'superseded':
      return { kind: 'superseded' as const, row, by: verdict.by };
  }
}
