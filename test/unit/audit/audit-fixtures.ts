import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { listLogFiles } from '../../../electron/audit/audit-files';
import type { AuditEntry, AuditEntryInput } from '../../../shared/audit/audit-entry';

export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `cxone-${prefix}-`));
export const removeDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** A clock that moves one second per reading from a fixed start. */
export function steppingClock(startIso = '2025-03-01T09:00:00.000Z') {
  let time = Date.parse(startIso);
  return () => {
    const now = new Date(time);
    time += 1000;
    return now;
  };
}

export const pauseOf = (campaignId: string, change: Partial<AuditEntryInput> = {}): AuditEntryInput => ({
  actor: { type: 'user', name: 'lead' },
  tenant: 'Demo tenant',
  action: 'campaign.pause',
  target: { type: 'campaign', id: campaignId, name: `Campaign ${campaignId}` },
  before: { status: 'running' },
  after: { status: 'paused' },
  outcome: 'success',
  latencyMs: 120,
  ...change,
});

export const linesOf = (path: string) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '');

/** Rewrites a log file through `edit`, which receives and returns its lines. */
export function editLines(path: string, edit: (lines: string[]) => string[]) {
  writeFileSync(path, `${edit(linesOf(path)).join('\n')}\n`);
}

/** The lines of a log file, decompressing a rotated (`.gz`) one. */
export const logLinesOf = (path: string) =>
  (path.endsWith('.gz') ? gunzipSync(readFileSync(path)).toString('utf8') : readFileSync(path, 'utf8')).split('\n').filter((line) => line !== '');

/** Every entry in every file of the folder, compressed or not, oldest first. */
export async function allEntries(dir: string): Promise<AuditEntry[]> {
  const files = (await listLogFiles(dir)).reverse();
  return files.flatMap((file) => logLinesOf(file.path).map((line) => JSON.parse(line) as AuditEntry));
}
