import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';

export interface NumberedLine {
  text: string;
  /** 1-based line number within the file. */
  number: number;
}

/** Streams the lines of a file from first to last, keeping blank lines out but counting them. */
export async function* readLinesForward(path: string): AsyncGenerator<NumberedLine> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let number = 0;
  for await (const text of lines) {
    number += 1;
    if (text.trim() !== '') yield { text, number };
  }
}

async function readExactly(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}

/**
 * Streams the lines of the first `size` bytes of an open file from last to first,
 * reading fixed-size chunks from the end so the newest entries of a big log come first
 * without reading the rest. Splits on the newline byte, which never occurs inside a UTF-8 sequence.
 */
export async function* readLinesBackward(handle: FileHandle, size: number, chunkBytes = 64 * 1024): AsyncGenerator<string> {
  let position = size;
  let carry: Buffer = Buffer.alloc(0);
  while (position > 0) {
    const length = Math.min(chunkBytes, position);
    position -= length;
    const buffer = Buffer.concat([await readExactly(handle, length, position), carry]);
    let end = buffer.length;
    for (let index = buffer.length - 1; index >= 0; index -= 1) {
      if (buffer[index] !== 0x0a) continue;
      const text = buffer.toString('utf8', index + 1, end).trim();
      if (text !== '') yield text;
      end = index;
    }
    carry = buffer.subarray(0, end);
  }
  const text = carry.toString('utf8').trim();
  if (text !== '') yield text;
}

/** The last non-blank line of a file, or null when it has none (or does not exist). */
export async function readLastLine(path: string): Promise<string | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    for await (const line of readLinesBackward(handle, size)) return line;
    return null;
  } finally {
    await handle.close();
  }
}

const parses = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/**
 * A crash in the middle of an append can leave a last line without its newline. That entry
 * was never acknowledged: when it does not parse it is cut off; when it does (only the newline
 * was lost) the newline is added. Returns what was done.
 */
export async function repairTornTail(path: string): Promise<'intact' | 'truncated' | 'terminated'> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    if (isMissing(error)) return 'intact';
    throw error;
  }
  if (size === 0) return 'intact';
  const handle = await open(path, 'r+');
  try {
    const [last] = await readExactly(handle, 1, size - 1);
    if (last === 0x0a) return 'intact';
    let lineStart = 0;
    for (let position = size; position > 0 && lineStart === 0; ) {
      const length = Math.min(64 * 1024, position);
      position -= length;
      const chunk = await readExactly(handle, length, position);
      const newline = chunk.lastIndexOf(0x0a);
      if (newline >= 0) lineStart = position + newline + 1;
    }
    const fragment = (await readExactly(handle, size - lineStart, lineStart)).toString('utf8');
    if (parses(fragment)) {
      await handle.write('\n', size);
      await handle.sync();
      return 'terminated';
    }
    await handle.truncate(lineStart);
    await handle.sync();
    return 'truncated';
  } finally {
    await handle.close();
  }
}

export const isMissing = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
