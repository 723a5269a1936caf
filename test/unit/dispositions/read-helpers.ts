import { fileURLToPath } from 'node:url';
import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';
import type { RowProblem } from '../../../shared/dispositions/disposition-row';
import { readDispositionFile, type ReadDispositionOptions, type ReadRowEvent } from '../../../electron/dispositions/reading/read-disposition-file';

export const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/dispositions/${name}`, import.meta.url));

export const fixedNow = new Date('2024-06-02T00:00:00.000Z');
export const readOptions = (extra: Partial<ReadDispositionOptions> = {}): ReadDispositionOptions => ({
  outcomeMatrix: defaultOutcomeMatrix,
  now: () => fixedNow,
  ...extra,
});

export type HeaderEvent = Extract<ReadRowEvent, { type: 'header' }>;
export type RowEvent = Extract<ReadRowEvent, { type: 'row' }>;
export type UnreadEvent = Extract<ReadRowEvent, { type: 'unread' }>;

export async function readAll(path: string, extra: Partial<ReadDispositionOptions> = {}) {
  let header: HeaderEvent | undefined;
  const rows: RowEvent[] = [];
  let unread: UnreadEvent | undefined;
  for await (const event of readDispositionFile(path, readOptions(extra))) {
    if (event.type === 'header') header = event;
    else if (event.type === 'unread') unread = event;
    else rows.push(event);
  }
  if (!header) throw new Error('no header event');
  return { header, rows, unread };
}

export const problemsOf = (event: RowEvent | undefined): RowProblem[] => (event && !event.result.ok ? event.result.problems : []);

/** A repeatable stream of numbers in [0, 1) for generated files, and a pick from a list by it. */
export function seededPicks(seed: number) {
  let state = seed;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick };
}
