import { rm } from 'node:fs/promises';
import type { AuditEntryInput } from '../../shared/audit/audit-entry';
import { listLogFiles, type LogFile } from './audit-files';
import { fsyncDir } from '../files/durable-files';
import { readLinesForward } from '../files/jsonl-files';

export const retentionAction = 'audit.retention';

/** What a retention checkpoint entry carries in `details.checkpoint`: verify() accepts history that starts there. */
export interface RetentionCheckpoint {
  firstKeptSeq: number;
  /** The hash of entry `firstKeptSeq - 1`, i.e. the prevHash of the first kept entry. */
  continuesFrom: string;
  removedFiles: string[];
  retentionDays: number;
}

/** Reads a checkpoint out of a raw entry written by a retention run; null for any other entry. */
export function checkpointOf(raw: Record<string, unknown>): RetentionCheckpoint | null {
  if (raw.action !== retentionAction) return null;
  const details = raw.details as { checkpoint?: Partial<RetentionCheckpoint> } | undefined;
  const checkpoint = details?.checkpoint;
  if (!checkpoint || typeof checkpoint.firstKeptSeq !== 'number' || typeof checkpoint.continuesFrom !== 'string') return null;
  return {
    firstKeptSeq: checkpoint.firstKeptSeq,
    continuesFrom: checkpoint.continuesFrom,
    removedFiles: Array.isArray(checkpoint.removedFiles) ? checkpoint.removedFiles.map(String) : [],
    retentionDays: Number(checkpoint.retentionDays),
  };
}

interface FirstEntry {
  seq: number;
  at: string;
  prevHash: string;
}

async function firstEntryOf(file: LogFile): Promise<FirstEntry | null> {
  for await (const { text } of readLinesForward(file.path, file.compressed)) {
    try {
      const parsed = JSON.parse(text) as Partial<FirstEntry>;
      if (typeof parsed.seq === 'number' && typeof parsed.at === 'string' && typeof parsed.prevHash === 'string') {
        return { seq: parsed.seq, at: parsed.at, prevHash: parsed.prevHash };
      }
    } catch {
      // The first readable entry is what counts.
    }
  }
  return null;
}

export interface RetentionPlan {
  doomed: LogFile[];
  checkpoint: AuditEntryInput;
}

/**
 * The rotated files whose every entry is older than `retentionDays` (a file's entries are all
 * older than the first entry of the file after it), oldest first and without gaps, and the
 * checkpoint entry to append before removing them. Null when nothing is due. The current file is never removed.
 */
export async function planRetention(dir: string, retentionDays: number, now: Date): Promise<RetentionPlan | null> {
  const cutoff = new Date(now.getTime() - retentionDays * 24 * 60 * 60 * 1000);
  const oldestFirst = (await listLogFiles(dir)).reverse();
  const doomed: LogFile[] = [];
  let firstKept: FirstEntry | null = null;
  for (let index = 0; index < oldestFirst.length - 1; index += 1) {
    const next = await firstEntryOf(oldestFirst[index + 1]!);
    if (!next) break;
    if (Date.parse(next.at) >= cutoff.getTime()) break;
    doomed.push(oldestFirst[index]!);
    firstKept = next;
  }
  if (doomed.length === 0 || !firstKept) return null;
  const checkpoint: RetentionCheckpoint = {
    firstKeptSeq: firstKept.seq,
    continuesFrom: firstKept.prevHash,
    removedFiles: doomed.map((file) => file.name),
    retentionDays,
  };
  return {
    doomed,
    checkpoint: {
      actor: { type: 'system', name: 'audit retention' },
      tenant: '',
      action: retentionAction,
      target: { type: 'audit-log', id: 'audit', name: 'Audit log' },
      outcome: 'success',
      reason: `Entries before ${firstKept.seq} (older than ${retentionDays} days, before ${cutoff.toISOString()}) removed by the retention setting; kept history begins at entry ${firstKept.seq}.`,
      details: { checkpoint, cutoff: cutoff.toISOString() },
    },
  };
}

/** Removes the planned files, oldest first, once their checkpoint is on disk. */
export async function removeExpiredFiles(dir: string, plan: RetentionPlan): Promise<void> {
  for (const file of plan.doomed) await rm(file.path, { force: true });
  await fsyncDir(dir);
}
