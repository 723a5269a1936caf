import { mkdir, open, stat, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { auditEntryInputSchema, genesisHash, type AuditEntry, type AuditEntryInput } from '../../shared/audit/audit-entry';
import type { AuditChainReport } from '../../shared/audit/audit-chain';
import { defaultAuditQueryLimit, type AuditQuery } from '../../shared/audit/audit-query';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import { currentLogName, listLogFiles, readAnchor } from './audit-files';
import { writeAuditCsv } from './audit-csv';
import { withAuditLock } from './audit-lock';
import { rotateLogFiles } from './audit-rotation';
import { appendSynced } from './durable-files';
import { sealEntry } from './entry-hash';
import { readLinesBackward, repairTornTail } from './jsonl-files';
import { openLogFiles, readAuditEntries } from './read-audit';
import { verifyAuditChain } from './verify-chain';

export { verifyAuditChain } from './verify-chain';
export { queryAuditDir } from './read-audit';

export interface AuditLogOptions {
  /** The audit folder, normally `<dataDir>/audit`. */
  dir: string;
  clock?: () => Date;
  /** Rotate once the current file would grow past this (default 10 MB). */
  maxFileBytes?: number;
  /** Files kept, the current one included (default 5, at least 2). */
  keepFiles?: number;
}

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

const megabytes = 1024 * 1024;

/** The newest readable entry across the files, else the rotation anchor, else the start of the chain. */
async function findTail(dir: string): Promise<Tail> {
  for (const file of await listLogFiles(dir)) {
    const handle = await open(file.path, 'r');
    try {
      for await (const text of readLinesBackward(handle, (await handle.stat()).size)) {
        try {
          const parsed = JSON.parse(text) as Partial<Tail>;
          if (typeof parsed.seq === 'number' && typeof parsed.hash === 'string') return { seq: parsed.seq, hash: parsed.hash };
        } catch {
          // An unreadable line is left for verify() to report; the chain continues from the last readable one.
        }
      }
    } finally {
      await handle.close();
    }
  }
  const anchor = await readAnchor(dir).catch(() => null);
  return anchor ? { seq: anchor.seq, hash: anchor.hash } : { seq: 0, hash: genesisHash };
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
 * The one audit writer: an append-only, hash-chained JSON Lines log with rotation.
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
  const maxFileBytes = options.maxFileBytes ?? 10 * megabytes;
  const keepFiles = Math.max(2, options.keepFiles ?? 5);
  const currentPath = join(dir, currentLogName);
  const listeners = new Set<(entry: AuditEntry) => void>();
  let log: OpenLog | null = null;
  let closed = false;
  let queue: QueuedAppend[] = [];
  let flushScheduled = false;
  let exclusiveChain: Promise<unknown> = Promise.resolve();

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

  /** Only under the lock: a torn line can then only be a crashed writer's, and the tail found is the real one. */
  const openLog = async (): Promise<OpenLog> => {
    await repairTornTail(currentPath);
    const tail = await findTail(dir);
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

  /** Seals each entry after `current.tail` and writes them, rotating when the file would grow too big. */
  const sealAndWrite = async (group: QueuedAppend[], current: OpenLog, assertHeld: () => void, done: (item: QueuedAppend, entry: AuditEntry) => void) => {
    let pending: { item: QueuedAppend; entry: AuditEntry }[] = [];
    let buffer = '';
    let bufferBytes = 0;
    const flush = async () => {
      if (pending.length === 0) return;
      assertHeld();
      await appendSynced(current.handle, buffer);
      current.size += bufferBytes;
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
      if (used > 0 && used + bytes > maxFileBytes) {
        await flush();
        assertHeld();
        await current.handle.close();
        await rotateLogFiles(dir, keepFiles);
        Object.assign(current, await openCurrent());
      }
      buffer += line;
      bufferBytes += bytes;
      pending.push({ item, entry });
      current.tail = { seq: entry.seq, hash: entry.hash };
    }
    await flush();
  };

  /** Writes a group under the lock; `done` is called for each entry once it is on disk. */
  const writeGroup = async (group: QueuedAppend[], done: (item: QueuedAppend, entry: AuditEntry) => void) => {
    await mkdir(dir, { recursive: true });
    await withAuditLock(dir, async (held) => {
      const current = await currentLog();
      await sealAndWrite(group, current, () => held.assertHeld(), done);
    });
  };

  const notify = (entry: AuditEntry) => {
    for (const listener of listeners) {
      try {
        listener(entry);
      } catch {
        // A failing subscriber must not affect the writer or the other subscribers.
      }
    }
  };

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
  log = await withAuditLock(dir, openLog);

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
      return writeAuditCsv(readAuditEntries(files, query), output);
    },
    verify() {
      return exclusive(() => withAuditLock(dir, () => verifyAuditChain(dir)));
    },
    onAppended(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      closed = true;
      await exclusive(async () => {
        await discardLog();
      });
      listeners.clear();
    },
  };
}
