import { open, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { isMissing } from '../files/jsonl-files';

/**
 * Layout of the audit folder (nothing in it is ever deleted, except by an explicit retention run):
 *   audit.jsonl                 the file being appended to
 *   audit-<first seq>.jsonl.gz  rotated files, gzip-compressed, named by their first entry's seq
 *                               (12 digits, so names sort in chain order)
 *   audit-<first seq>.jsonl     a rotated file whose compression a crash interrupted (finished by the next writer)
 *   audit.<n>.jsonl             rotated files of older versions (higher = older), compressed by the next writer
 *   audit.head.json             seq and hash of the newest entry written: history up to there must exist
 *   audit.anchor.json           older versions only: the newest entry their rotation deleted
 *   audit.torn-<time>.txt       a torn last line (crash mid-write) kept aside before the chain continued
 */
export const currentLogName = 'audit.jsonl';
export const anchorName = 'audit.anchor.json';
export const headName = 'audit.head.json';

export const archiveName = (firstSeq: number, compressed: boolean) => `audit-${String(firstSeq).padStart(12, '0')}.jsonl${compressed ? '.gz' : ''}`;
export const tornLineName = (at: Date) => `audit.torn-${at.toISOString().replace(/[:.]/g, '-')}.txt`;

const archivePattern = /^audit-(\d{12,})\.jsonl(\.gz)?$/;
const legacyPattern = /^audit\.([1-9]\d*)\.jsonl$/;

export interface LogFile {
  name: string;
  path: string;
  compressed: boolean;
  kind: 'current' | 'archive' | 'legacy';
  /** Archives: the first seq (from the name). Legacy files: their rotation index. */
  key: number;
}

async function namesIn(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

/**
 * The log files present, newest first: the current file, the archives (newest first), then
 * files left by older versions. An archive present both plain and compressed (a crash between
 * compressing and removing the plain copy) is listed once, compressed.
 */
export async function listLogFiles(dir: string): Promise<LogFile[]> {
  const names = await namesIn(dir);
  const archives = new Map<number, LogFile>();
  const legacy: LogFile[] = [];
  let current: LogFile | null = null;
  for (const name of names) {
    const path = join(dir, name);
    if (name === currentLogName) current = { name, path, compressed: false, kind: 'current', key: Number.POSITIVE_INFINITY };
    const archive = archivePattern.exec(name);
    if (archive) {
      const key = Number(archive[1]);
      const compressed = archive[2] !== undefined;
      if (!archives.has(key) || compressed) archives.set(key, { name, path, compressed, kind: 'archive', key });
    }
    const old = legacyPattern.exec(name);
    if (old) legacy.push({ name, path, compressed: false, kind: 'legacy', key: Number(old[1]) });
  }
  return [...(current ? [current] : []), ...[...archives.values()].sort((a, b) => b.key - a.key), ...legacy.sort((a, b) => a.key - b.key)];
}

/** Plain archives (compression interrupted) and files of older versions: what the next writer compresses. */
export async function listUncompressedArchives(dir: string): Promise<{ name: string; path: string; firstSeq: number | null }[]> {
  const names = await namesIn(dir);
  const found: { name: string; path: string; firstSeq: number | null }[] = [];
  for (const name of names) {
    const archive = archivePattern.exec(name);
    if (archive && archive[2] === undefined) found.push({ name, path: join(dir, name), firstSeq: Number(archive[1]) });
    if (legacyPattern.test(name)) found.push({ name, path: join(dir, name), firstSeq: null });
  }
  return found;
}

const pointSchema = z.object({ seq: z.number().int().positive(), hash: z.string(), at: z.string() });
export type ChainPoint = z.infer<typeof pointSchema>;
export type AuditAnchor = ChainPoint;

async function readPoint(path: string): Promise<ChainPoint | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  return pointSchema.parse(JSON.parse(text));
}

/** The anchor older versions wrote before deleting files, or null; throws when it exists but is unreadable. */
export const readAnchor = (dir: string): Promise<AuditAnchor | null> => readPoint(join(dir, anchorName));

/** The newest entry ever written to this folder, or null when nothing was (or the folder predates heads). */
export const readHead = (dir: string): Promise<ChainPoint | null> => readPoint(join(dir, headName));

/** A head record is always this long (padded), so rewriting it in place never leaves a tail of an older, longer one. */
const headRecordBytes = 256;

/**
 * Records the newest entry written. Called after that entry is fsync'd, so the head is never
 * ahead of the log. Rewritten in place and not fsync'd (a rename or a sync per append would cost a
 * disk flush): a head lost or torn in a power cut only reads as older or absent, a lower bound.
 */
export async function writeHead(dir: string, head: ChainPoint): Promise<void> {
  const path = join(dir, headName);
  const record = Buffer.from(JSON.stringify(head).padEnd(headRecordBytes - 1, ' ') + '\n', 'utf8');
  const handle = await open(path, 'r+').catch(async (error: unknown) => {
    if (isMissing(error)) return open(path, 'w');
    throw error;
  });
  try {
    await handle.write(record, 0, record.length, 0);
    if (record.length < (await handle.stat()).size) await handle.truncate(record.length);
  } finally {
    await handle.close();
  }
}
