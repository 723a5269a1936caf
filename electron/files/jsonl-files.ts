import { createReadStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { createGunzip, gunzip } from 'node:zlib';

const gunzipBuffer = promisify(gunzip);

export interface NumberedLine {
  text: string;
  /** 1-based line number within the file. */
  number: number;
}

/** Streams the lines of a file (gzip-compressed when `compressed`) from first to last, keeping blank lines out but counting them. */
export async function* readLinesForward(path: string, compressed = false): AsyncGenerator<NumberedLine> {
  const raw = createReadStream(path);
  const input = compressed ? raw.pipe(createGunzip()) : raw;
  if (compressed) raw.on('error', (error) => input.destroy(error));
  input.setEncoding('utf8');
  const lines = createInterface({ input, crlfDelay: Infinity });
  let number = 0;
  try {
    for await (const text of lines) {
      number += 1;
      if (text.trim() !== '') yield { text, number };
    }
  } finally {
    // A reader that stops early (the first entry was all it needed) must not leave the file open.
    lines.close();
    raw.destroy();
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

/**
 * The lines of the first `size` bytes of an open file from last to first; a compressed file
 * is decompressed whole first (rotated files are at most the rotation size).
 */
export async function* readLogLinesBackward(handle: FileHandle, size: number, compressed: boolean): AsyncGenerator<string> {
  if (!compressed) {
    yield* readLinesBackward(handle, size);
    return;
  }
  const text = (await gunzipBuffer(await readExactly(handle, size, 0))).toString('utf8');
  const lines = text.split('\n');
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index]!.trim();
    if (line !== '') yield line;
  }
}

/** The last byte of a file, or null when it is empty or missing. */
export async function readLastByte(path: string): Promise<number | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return null;
    const [last] = await readExactly(handle, 1, size - 1);
    return last ?? null;
  } finally {
    await handle.close();
  }
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
 * was never acknowledged: when it does not parse it is cut off (after `keepAside` has saved
 * it, when given); when it does (only the newline was lost) the newline is added. Returns what was done.
 */
export async function repairTornTail(path: string, keepAside?: (fragment: Buffer) => Promise<void>): Promise<'intact' | 'truncated' | 'terminated'> {
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
    for (let position = size; position > 0 && lineStart === 0;) {
      const length = Math.min(64 * 1024, position);
      position -= length;
      const chunk = await readExactly(handle, length, position);
      const newline = chunk.lastIndexOf(0x0a);
      if (newline >= 0) lineStart = position + newline + 1;
    }
    const bytes = await readExactly(handle, size - lineStart, lineStart);
    if (parses(bytes.toString('utf8'))) {
      await handle.write('\n', size);
      await handle.sync();
      return 'terminated';
    }
    await keepAside?.(bytes);
    await handle.truncate(lineStart);
    await handle.sync();
    return 'truncated';
  } finally {
    await handle.close();
  }
}

export const isMissing = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
