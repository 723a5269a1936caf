import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { Emitter } from '../../shared/base/emitter';
import { auditEntryInputSchema, genesisHash, type AuditEntry, type AuditEntryInput } from '../../shared/audit/audit-entry';
import type { AuditChainReport } from '../../shared/audit/audit-chain';
import { defaultAuditQueryLimit, type AuditQuery } from '../../shared/audit/audit-query';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { HeldDataFolderLock } from '../files/data-folder-lock';
import { compressLeftovers, rotateCurrentFile } from './audit-archive';
import { currentLogName, listLogFiles, readAnchor, readHead, tornLineName, writeHead } from './audit-files';
import { withAuditLock } from './audit-lock';
import { planRetention, removeExpiredFiles } from './audit-retention';
import { appendSynced, fsyncDir } from '../files/durable-files';
import { sealEntry } from './entry-hash';
import { readLogLinesBackward, repairTornTail } from '../files/jsonl-files';
import { openLogFiles, readAuditEntries } from './read-audit';
import { verifyAuditChain } from './verify-chain';

export { verifyAuditChain } from './verify-chain';
export { queryAuditDir } from './read-audit';

export interface AuditLogOptions {
  /** The audit folder, normally `<dataDir>/audit`. */
  dir: string;
  clock?: () => Date;
  /** Rotate once the current file would grow past this (default 10 MB). A function is read at every write, so a changed setting applies at once. */
  maxFileBytes?: number | (() => number);
  /**
   * Remove rotated files whose entries are all older than this many days, after appending a
   * checkpoint entry. null or absent (the default): nothing is ever removed.
   */
  retentionDays?: number | null | (() => number | null);
}

export const defaultAuditMaxFileBytes = 10 * 1024 * 1024;

export interface AuditLog {
  /** Resolves once the entry is written and fsync'd; appends never interleave or fork the chain. */
  append(entry: AuditEntryInput): Promise<AuditEntry>;
  /** Newest first; `limit` defaults to 200. */
  query(query?: AuditQuery): Promise<AuditEntry[]>;
  /** Streams every matching entry (no default limit) as CSV into `output` and ends it. */
  exportCsv(query: AuditQuery, output: Writable): Promise<{ rows: number }>;
  verify(): Promise<AuditChainReport>;
  onAppended(listener: (entry: AuditEntry) => void): () => void;
  /** Waits for queued appends, then closes the file; later appends fail. */
  close(): Promise<void>;
}

interface Tail {
  seq: number;
  hash: string;
  at: string;
}

/** The current file as this process last left it: its identity and size tell whether another process wrote since. */
interface OpenFile {
  handle: FileHandle;
  size: number;
  dev: number;
  ino: number;
}

interface OpenLog extends OpenFile {
  tail: Tail;
}

interface QueuedAppend {
  input: AuditEntryInput;
  resolve(entry: AuditEntry): void;
  reject(error: unknown): void;
}

/** An entry the log writes about itself (a torn line kept aside, a retention checkpoint): nobody waits for it. */
const ownEntry = (input: AuditEntryInput): QueuedAppend => ({ input, resolve: () => undefined, reject: () => undefined });

const aboutTheLog = (action: string, outcome: AuditEntryInput['outcome'], reason: string, details: unknown): AuditEntryInput => ({
  actor: { type: 'system', name: 'audit log' },
  tenant: '',
  action,
  target: { type: 'audit-log', id: 'audit', name: 'Audit log' },
  outcome,
  reason,
  details,
});

/** The newest readable entry across the files (newest file first), or null when no file holds one. */
async function newestEntryInFiles(dir: string): Promise<Tail | null> {
  for (const file of await listLogFiles(dir)) {
    const handle = await open(file.path, 'r');
    try {
      for await (const text of readLogLinesBackward(handle, (await handle.stat()).size, file.compressed)) {
        try {
          const parsed = JSON.parse(text) as Partial<Tail>;
          if (typeof parsed.seq === 'number' && typeof parsed.hash === 'string') return { seq: parsed.seq, hash: parsed.hash, at: String(parsed.at ?? '') };
        } catch {
          // An unreadable line is left for verify() to report; the chain continues from the last readable one.
        }
      }
    } finally {
      await handle.close();
    }
  }
  return null;
}

const invalidEntry = (message: string) => new ConsoleFailure(consoleError('validation', `The audit entry was refused: ${message}`));

/** Checks the entry and that its free-form parts are JSON, so sealing it cannot fail inside the write queue. */
function validated(input: AuditEntryInput): AuditEntryInput {
  const parsed = auditEntryInputSchema.safeParse(input);
  if (!parsed.success) throw invalidEntry(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
  try {
    JSON.stringify(parsed.data);
  } catch (error) {
    throw invalidEntry(error instanceof Error ? error.message : String(error));
  }
  return parsed.data;
}

/**
 * The one audit writer: an append-only, hash-chained JSON Lines log; rotated files are
 * compressed, never deleted (only an explicit retention setting removes them, after a checkpoint).
 * Appends queue up and are written in groups, one fsync per group, so a burst (an emergency
 * pause over hundreds of campaigns) does not pay one disk flush per entry.
 *
 * Several processes (the app, `cxone-console`, import jobs) may write the same folder: each
 * group is written holding the folder's cross-process lock, and under it the chain continues
 * from the tail on disk whenever another process appended or rotated since this one last wrote.
 */
export async function createAuditLog(options: AuditLogOptions): Promise<AuditLog> {
  const { dir } = options;
  const clock = options.clock ?? (() => new Date());
  const setting = <T>(value: T | (() => T)): (() => T) => (typeof value === 'function' ? (value as () => T) : () => value);
  const maxFileBytes = setting(options.maxFileBytes ?? defaultAuditMaxFileBytes);
  const retentionDays = setting(options.retentionDays ?? null);
  const currentPath = join(dir, currentLogName);
  const appended = new Emitter<AuditEntry>();
  let log: OpenLog | null = null;
  let closed = false;
  let queue: QueuedAppend[] = [];
  let flushScheduled = false;
  let exclusiveChain: Promise<unknown> = Promise.resolve();
  /** Entries about the log itself, found while opening it, written ahead of the next group. */
  let notices: AuditEntryInput[] = [];

  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = exclusiveChain.then(work);
    exclusiveChain = run.catch(() => undefined);
    return run;
  };

  const openCurrent = async (): Promise<OpenFile> => {
    const handle = await open(currentPath, 'a');
    const { size, dev, ino } = await handle.stat();
    return { handle, size, dev, ino };
  };

  /** A torn last line is written to its own file (synced) before it is cut off the log. */
  const keepTornLine = async (fragment: Buffer) => {
    const name = tornLineName(clock()).replace(/\.txt$/, `-${process.pid}.txt`);
    const handle = await open(join(dir, name), 'wx');
    try {
      await handle.writeFile(fragment);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fsyncDir(dir);
    notices.push(
      aboutTheLog(
        'audit.torn_line_kept',
        'success',
        `The last line of ${currentLogName} was cut short by a crash while it was written (${fragment.length} bytes, never confirmed); it was kept aside in ${name} and the chain continues.`,
        { keptAs: name, bytes: fragment.length },
      ),
    );
  };

  /** The chain continues from the newest entry on disk; when the head says newer ones were written, from the head (verify reports the gap). */
  const findTail = async (): Promise<Tail> => {
    const inFiles = await newestEntryInFiles(dir);
    const head = await readHead(dir).catch(() => null);
    if (head && head.seq > (inFiles?.seq ?? 0)) {
      notices.push(
        aboutTheLog(
          'audit.history_missing',
          'failed',
          `Audit entries ${(inFiles?.seq ?? 0) + 1} to ${head.seq} are missing from ${dir} (files were deleted); the chain continues after entry ${head.seq}.`,
          { lastInFiles: inFiles?.seq ?? null, head: head.seq },
        ),
      );
      return head;
    }
    if (inFiles) return inFiles;
    const anchor = await readAnchor(dir).catch(() => null);
    return anchor ? { seq: anchor.seq, hash: anchor.hash, at: anchor.at } : { seq: 0, hash: genesisHash, at: '' };
  };

  /** Only under the lock: a torn line can then only be a crashed writer's, and the tail found is the real one. */
  const openLog = async (): Promise<OpenLog> => {
    await compressLeftovers(dir);
    await repairTornTail(currentPath, keepTornLine);
    const tail = await findTail();
    return { ...(await openCurrent()), tail };
  };

  const discardLog = async () => {
    const broken = log;
    log = null;
    await broken?.handle.close().catch(() => undefined);
  };

  /**
   * Only under the lock: this process's file and tail while nobody else has written since
   * (same file, same size); otherwise the file another process appended to or rotated in.
   */
  const currentLog = async (): Promise<OpenLog> => {
    if (log) {
      const onDisk = await stat(currentPath).catch(() => null);
      if (onDisk && onDisk.dev === log.dev && onDisk.ino === log.ino && onDisk.size === log.size) return log;
      await discardLog();
    }
    log = await openLog();
    return log;
  };

  /**
   * Seals each entry after `current.tail` and writes them, rotating when the file would grow too
   * big. Returns whether it rotated.
   */
  const sealAndWrite = async (
    group: QueuedAppend[],
    current: OpenLog,
    assertHeld: () => void,
    done: (item: QueuedAppend, entry: AuditEntry) => void,
  ): Promise<boolean> => {
    let pending: { item: QueuedAppend; entry: AuditEntry }[] = [];
    let buffer = '';
    let bufferBytes = 0;
    let rotated = false;
    const limit = maxFileBytes();
    const flush = async () => {
      if (pending.length === 0) return;
      assertHeld();
      await appendSynced(current.handle, buffer);
      current.size += bufferBytes;
      // After the fsync, so the head is never ahead of the log (a lost head only lowers what verify can check);
      // before the appends resolve, so whatever a caller does next is measured against it.
      await writeHead(dir, current.tail).catch(() => undefined);
      for (const { item, entry } of pending) done(item, entry);
      pending = [];
      buffer = '';
      bufferBytes = 0;
    };
    for (const item of group) {
      const entry = sealEntry(item.input, current.tail.seq + 1, clock().toISOString(), current.tail.hash);
      const line = `${JSON.stringify(entry)}\n`;
      const bytes = Buffer.byteLength(line, 'utf8');
      const used = current.size + bufferBytes;
      if (used > 0 && used + bytes > limit) {
        await flush();
        assertHeld();
        await current.handle.close();
        await rotateCurrentFile(dir, current.tail.seq);
        Object.assign(current, await openCurrent());
        rotated = true;
      }
      buffer += line;
      bufferBytes += bytes;
      pending.push({ item, entry });
      current.tail = { seq: entry.seq, hash: entry.hash, at: entry.at };
    }
    await flush();
    return rotated;
  };

  /** Appends a checkpoint naming where the kept history begins, then removes the rotated files past the retention limit. */
  const applyRetention = async (current: OpenLog, assertHeld: () => void, done: (item: QueuedAppend, entry: AuditEntry) => void) => {
    const days = retentionDays();
    if (days === null) return;
    const plan = await planRetention(dir, days, clock());
    if (!plan) return;
    await sealAndWrite([ownEntry(plan.checkpoint)], current, assertHeld, done);
    assertHeld();
    await removeExpiredFiles(dir, plan);
  };

  /** Under the lock: the log's own notices first, then `group`; retention after a rotation (or when `alwaysRetain`). */
  const writeUnderLock = async (
    group: QueuedAppend[],
    held: HeldDataFolderLock,
    done: (item: QueuedAppend, entry: AuditEntry) => void,
    alwaysRetain = false,
  ) => {
    const current = await currentLog();
    const own = notices.map((input) => ({ input, item: ownEntry(input) }));
    notices = [];
    const written = new Set<QueuedAppend>();
    try {
      const rotated = await sealAndWrite(
        [...own.map(({ item }) => item), ...group],
        current,
        () => held.assertHeld(),
        (item, entry) => {
          written.add(item);
          done(item, entry);
        },
      );
      if (rotated || alwaysRetain) await applyRetention(current, () => held.assertHeld(), done);
    } finally {
      // A notice that did not reach the disk goes with the next group.
      notices = [...own.filter(({ item }) => !written.has(item)).map(({ input }) => input), ...notices];
    }
  };

  /** Writes a group under the lock; `done` is called for each entry once it is on disk. */
  const writeGroup = async (group: QueuedAppend[], done: (item: QueuedAppend, entry: AuditEntry) => void) => {
    await mkdir(dir, { recursive: true });
    await withAuditLock(dir, (held) => writeUnderLock(group, held, done));
  };

  // A failing subscriber must not affect the writer or the other subscribers: the Emitter sees to that.
  const notify = (entry: AuditEntry) => appended.fire(entry);

  const flushQueue = async () => {
    flushScheduled = false;
    const group = queue;
    queue = [];
    const settled = new Set<QueuedAppend>();
    try {
      await writeGroup(group, (item, entry) => {
        settled.add(item);
        notify(entry);
        item.resolve(entry);
      });
    } catch (error) {
      // The file may hold part of the group: reopen from what is on disk before the next write.
      await discardLog();
      const failure = new ConsoleFailure(
        consoleError('internal', `The audit log could not be written in ${dir}: ${error instanceof Error ? error.message : String(error)}`),
      );
      for (const item of group) if (!settled.has(item)) item.reject(failure);
    }
  };

  await mkdir(dir, { recursive: true });
  // Opening finishes an interrupted rotation, keeps a torn line aside (and says so in the chain) and applies retention.
  await withAuditLock(dir, (held) => writeUnderLock([], held, (_item, entry) => notify(entry), true));

  return {
    append(input) {
      if (closed) return Promise.reject(new ConsoleFailure(consoleError('internal', 'The audit log is closed.')));
      let checked: AuditEntryInput;
      try {
        checked = validated(input);
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<AuditEntry>((resolve, reject) => {
        queue.push({ input: checked, resolve, reject });
        if (!flushScheduled) {
          flushScheduled = true;
          void exclusive(flushQueue);
        }
      });
    },
    async query(query = {}) {
      const files = await exclusive(() => withAuditLock(dir, () => openLogFiles(dir)));
      const entries: AuditEntry[] = [];
      for await (const entry of readAuditEntries(files, { ...query, limit: query.limit ?? defaultAuditQueryLimit })) entries.push(entry);
      return entries;
    },
    async exportCsv(query, output) {
      const files = await exclusive(() => withAuditLock(dir, () => openLogFiles(dir)));
      // Loaded here: every command that audits would otherwise load the CSV writer before its first request.
      const { writeAuditCsv } = await import('./audit-csv');
      return writeAuditCsv(readAuditEntries(files, query), output);
    },
    verify() {
      return exclusive(() => withAuditLock(dir, () => verifyAuditChain(dir)));
    },
    onAppended: appended.event,
    async close() {
      closed = true;
      await exclusive(async () => {
        await discardLog();
      });
      appended.dispose();
    },
  };
}
