import { open } from 'node:fs/promises';

/**
 * A file's bytes in order, read into one buffer that is reused: each chunk is valid only until
 * the next is asked for. A scan of a large file then leaves no dead buffers behind for the
 * garbage collector (createReadStream allocates a new one per chunk).
 */
export async function* readChunks(path: string, chunkBytes: number, signal?: AbortSignal): AsyncGenerator<Buffer> {
  signal?.throwIfAborted();
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await file.read(buffer, 0, chunkBytes, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
