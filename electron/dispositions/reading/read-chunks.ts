import { open } from 'node:fs/promises';

/**
 * A file's bytes in order, read into two buffers that are reused in turn: each chunk is valid only
 * until the next is asked for. While the consumer works on one chunk the next is already being read,
 * so a scan never sits idle waiting on the disk, and it leaves no dead buffers behind for the
 * garbage collector (createReadStream allocates a new one per chunk).
 */
export async function* readChunks(path: string, chunkBytes: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  signal?.throwIfAborted();
  const file = await open(path, 'r');
  const buffers = [Buffer.allocUnsafe(chunkBytes), Buffer.allocUnsafe(chunkBytes)];
  const readInto = (buffer: Buffer) => file.read(buffer, 0, chunkBytes, null).then(({ bytesRead }) => buffer.subarray(0, bytesRead));
  let ahead: Promise<Buffer> | null = readInto(buffers[0]!);
  try {
    for (let turn = 1; ; turn = 1 - turn) {
      const chunk: Buffer = await ahead;
      ahead = null;
      signal?.throwIfAborted();
      if (chunk.length === 0) return;
      // The other buffer is free: the consumer has asked for this chunk, so it is done with the last one.
      ahead = readInto(buffers[turn]!);
      yield chunk;
    }
  } finally {
    // A read in flight must settle before its file handle closes.
    await ahead?.catch(() => undefined);
    await file.close();
  }
}
