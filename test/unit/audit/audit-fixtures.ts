import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntryInput } from '../../../shared/audit/audit-entry';

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

export const linesOf = (path: string) => readFileSync(path, 'utf8').split('\n').filter((line) => line !== '');

/** Rewrites a log file through `edit`, which receives and returns its lines. */
export function editLines(path: string, edit: (lines: string[]) => string[]) {
  writeFileSync(path, `${edit(linesOf(path)).join('\n')}\n`);
}
