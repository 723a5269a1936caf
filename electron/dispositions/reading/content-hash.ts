import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/** sha256 (hex) of the file's bytes, streamed: importing the same file twice can be noticed. */
export async function contentHash(path: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, signal ? { signal } : {}), hash);
  return hash.digest('hex');
}
