import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Makes a rename, create or unlink in `dir` survive a power cut (no-op where directories cannot be opened, e.g. Windows). */
export async function fsyncDir(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Directory fsync is not supported everywhere; the file data itself is already synced.
  } finally {
    await handle?.close();
  }
}

/** Replaces `path` with `data` so that a reader sees either the old or the new content, never a mix. */
export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const temporary = `${path}.${process.pid}.${Date.now()}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  await fsyncDir(dirname(path));
}

/** Appends and fsyncs; resolves only once the bytes are on disk. */
export async function appendSynced(handle: FileHandle, data: string): Promise<void> {
  const bytes = Buffer.from(data, 'utf8');
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    written += bytesWritten;
  }
  await handle.sync();
}
