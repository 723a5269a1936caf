import { open, readFile, type FileHandle } from 'node:fs/promises';
import { parseJournal, type JournalRecord } from './journal-records';

export interface ImportJournal {
  readonly path: string;
  /** Appends a record; resolves once it is on disk (fsync) when `durable`. */
  append(record: JournalRecord, durable?: boolean): Promise<void>;
  close(): Promise<void>;
}

export async function readImportJournal(path: string): Promise<JournalRecord[]> {
  try {
    return parseJournal(await readFile(path, 'utf8'));
  } catch (thrown) {
    if ((thrown as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw thrown;
  }
}

/**
 * Opens the journal for appending. Appends are written in order; durable ones that
 * arrive while a sync is under way share the next fsync (group commit), so parallel
 * rows do not queue behind one fsync each.
 */
export async function openImportJournal(path: string): Promise<ImportJournal> {
  const handle: FileHandle = await open(path, 'a');
  let queue: { text: string; durable: boolean; resolve: () => void; reject: (error: unknown) => void }[] = [];
  let flushing: Promise<void> | null = null;
  let broken: unknown = null;

  const flush = async () => {
    while (queue.length > 0) {
      const batch = queue;
      queue = [];
      try {
        await handle.write(batch.map((item) => item.text).join(''));
        if (batch.some((item) => item.durable)) await handle.sync();
        for (const item of batch) item.resolve();
      } catch (error) {
        broken = error;
        for (const item of batch) item.reject(error);
      }
    }
    flushing = null;
  };

  return {
    path,
    append(record, durable = false) {
      if (broken) return Promise.reject(broken);
      return new Promise<void>((resolve, reject) => {
        queue.push({ text: `${JSON.stringify(record)}\n`, durable, resolve, reject });
        flushing ??= flush();
      });
    },
    async close() {
      while (flushing) await flushing;
      await handle.close();
    },
  };
}
