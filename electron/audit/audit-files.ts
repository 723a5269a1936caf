import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { isMissing } from './jsonl-files';
import { writeFileAtomic } from './durable-files';

/**
 * Layout of the audit folder:
 *   audit.jsonl        the file being appended to
 *   audit.1.jsonl …    rotated files, higher number = older
 *   audit.anchor.json  seq and hash of the newest entry that rotation deleted, so the oldest
 *                      kept file's first prevHash can still be checked (see verify-chain.ts)
 */
export const currentLogName = 'audit.jsonl';
export const anchorName = 'audit.anchor.json';
export const logFileName = (index: number) => (index === 0 ? currentLogName : `audit.${index}.jsonl`);

const logFilePattern = /^audit(?:\.([1-9]\d*))?\.jsonl$/;

export interface LogFile {
  index: number;
  name: string;
  path: string;
}

/** The log files present, newest first. */
export async function listLogFiles(dir: string): Promise<LogFile[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const files: LogFile[] = [];
  for (const name of names) {
    const match = logFilePattern.exec(name);
    if (match) files.push({ index: match[1] ? Number(match[1]) : 0, name, path: join(dir, name) });
  }
  return files.sort((a, b) => a.index - b.index);
}

const anchorSchema = z.object({ seq: z.number().int().positive(), hash: z.string(), at: z.string() });
export type AuditAnchor = z.infer<typeof anchorSchema>;

/** The anchor, or null when no file was ever rotated away; throws when it exists but is unreadable. */
export async function readAnchor(dir: string): Promise<AuditAnchor | null> {
  let text: string;
  try {
    text = await readFile(join(dir, anchorName), 'utf8');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  return anchorSchema.parse(JSON.parse(text));
}

export async function writeAnchor(dir: string, anchor: AuditAnchor): Promise<void> {
  await writeFileAtomic(join(dir, anchorName), `${JSON.stringify(anchor)}\n`);
}
