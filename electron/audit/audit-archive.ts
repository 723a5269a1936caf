import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { archiveName, currentLogName, listUncompressedArchives } from './audit-files';
import { fsyncDir } from '../files/durable-files';
import { isMissing, readLinesForward } from '../files/jsonl-files';

/** The seq of the first readable entry of a plain file, or null when it has none. */
async function firstSeqOf(path: string): Promise<number | null> {
  try {
    for await (const { text } of readLinesForward(path)) {
      try {
        const parsed = JSON.parse(text) as { seq?: unknown };
        if (typeof parsed.seq === 'number' && Number.isInteger(parsed.seq) && parsed.seq > 0) return parsed.seq;
      } catch {
        // Unreadable lines are verify()'s to report; the next readable one names the file.
      }
    }
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  return null;
}

/** Writes `plain` gzip-compressed next to it (synced, renamed into place), then removes the plain copy. */
async function compressArchive(dir: string, plain: string, firstSeq: number): Promise<void> {
  const target = join(dir, archiveName(firstSeq, true));
  const temporary = `${target}.${process.pid}.tmp`;
  try {
    await pipeline(createReadStream(plain), createGzip(), createWriteStream(temporary));
    const handle = await open(temporary, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await fsyncDir(dir);
  await rm(plain, { force: true });
  await fsyncDir(dir);
}

/**
 * Rotation: audit.jsonl becomes audit-<first seq>.jsonl (one atomic rename), then is compressed
 * to audit-<first seq>.jsonl.gz. Nothing is deleted: at every moment each entry is in a complete
 * file (a crash leaves the plain copy, or both, and the next writer finishes the job).
 * `fallbackSeq` names a file none of whose lines can be read. The caller must have closed its handle.
 */
export async function rotateCurrentFile(dir: string, fallbackSeq: number): Promise<void> {
  const current = join(dir, currentLogName);
  const firstSeq = (await firstSeqOf(current)) ?? fallbackSeq;
  const plain = join(dir, archiveName(firstSeq, false));
  await rename(current, plain);
  await fsyncDir(dir);
  await compressArchive(dir, plain, firstSeq);
}

/**
 * Finishes what a crash interrupted (a plain archive whose compressed copy is missing or was not
 * yet renamed into place) and compresses the rotated files older versions left (audit.<n>.jsonl).
 * Only under the lock. A file none of whose lines can be read is left as it is, for verify() to report.
 */
export async function compressLeftovers(dir: string): Promise<void> {
  for (const file of await listUncompressedArchives(dir)) {
    if ((await stat(file.path).catch(() => null)) === null) continue;
    const firstSeq = file.firstSeq ?? (await firstSeqOf(file.path));
    if (firstSeq === null) continue;
    await compressArchive(dir, file.path, firstSeq);
  }
}
