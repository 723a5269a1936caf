import { mkdir, open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import { appendSynced } from '../files/durable-files';
import { readLinesForward, repairTornTail } from '../files/jsonl-files';

export const suppressionEntrySchema = z.object({
  /** E.164, e.g. +14155550123. */
  phone: z.string(),
  reason: z.string(),
  /** What put the number here, e.g. { type: 'disposition-import', id: '<job id> line 12' }. */
  source: z.object({ type: z.string(), id: z.string() }),
  at: z.string(),
});
export type SuppressionEntry = z.infer<typeof suppressionEntrySchema>;

export interface SuppressionList {
  /** Idempotent per phone: the first entry for a number stays; resolves once it is fsync'd. */
  add(entry: Omit<SuppressionEntry, 'at'> & { at?: string }): Promise<{ added: boolean; entry: SuppressionEntry }>;
  has(phone: string): boolean;
  get(phone: string): SuppressionEntry | undefined;
  /** In the order numbers were added. */
  list(): SuppressionEntry[];
  count(): number;
  close(): Promise<void>;
}

export interface SuppressionListOptions {
  /** The folder of `suppression.jsonl`, normally `<dataDir>/suppression`. */
  dir: string;
  clock?: () => Date;
}

const e164 = /^\+[1-9]\d{1,14}$/;

/** Strips the separators people type (spaces, dashes, dots, brackets); null when the rest is not E.164. */
export function normalisePhone(phone: string): string | null {
  const compact = phone.trim().replace(/[\s\-().]/g, '');
  return e164.test(compact) ? compact : null;
}

/**
 * The console's local do-not-call list, fed by DO_NOT_CALL dispositions. Held in memory for
 * look-ups and appended to `suppression.jsonl` (fsync per add); reloaded on start.
 */
export async function createSuppressionList(options: SuppressionListOptions): Promise<SuppressionList> {
  const clock = options.clock ?? (() => new Date());
  const path = join(options.dir, 'suppression.jsonl');
  await mkdir(options.dir, { recursive: true });
  await repairTornTail(path);
  const entries = new Map<string, SuppressionEntry>();
  try {
    for await (const { text } of readLinesForward(path)) {
      try {
        const entry = suppressionEntrySchema.parse(JSON.parse(text));
        if (!entries.has(entry.phone)) entries.set(entry.phone, entry);
      } catch {
        // A line that does not read is skipped; the numbers on the other lines still count.
      }
    }
  } catch (error) {
    if (!(typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT')) throw error;
  }

  let handle: FileHandle | null = await open(path, 'a');
  let writes: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = writes.then(work);
    writes = run.catch(() => undefined);
    return run;
  };

  return {
    add(input) {
      const phone = normalisePhone(input.phone);
      if (phone === null) {
        return Promise.reject(
          new ConsoleFailure(consoleError('validation', `"${input.phone}" is not a phone number in E.164 form (e.g. +14155550123); it was not suppressed.`)),
        );
      }
      return serialised(async () => {
        const known = entries.get(phone);
        if (known) return { added: false, entry: known };
        if (!handle) throw new ConsoleFailure(consoleError('internal', 'The suppression list is closed.'));
        const entry: SuppressionEntry = {
          phone,
          reason: input.reason,
          source: { type: input.source.type, id: input.source.id },
          at: input.at ?? clock().toISOString(),
        };
        await appendSynced(handle, `${JSON.stringify(entry)}\n`);
        entries.set(phone, entry);
        return { added: true, entry };
      });
    },
    has: (phone) => {
      const normal = normalisePhone(phone);
      return normal !== null && entries.has(normal);
    },
    get: (phone) => {
      const normal = normalisePhone(phone);
      return normal === null ? undefined : entries.get(normal);
    },
    list: () => [...entries.values()],
    count: () => entries.size,
    close: () =>
      serialised(async () => {
        await handle?.close();
        handle = null;
      }),
  };
}
