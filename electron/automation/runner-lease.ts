import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import type { AutomationRunnerView } from '../../shared/automation/automation-rules';
import { withDataFolderLock } from '../files/data-folder-lock';
import { writeFileAtomic } from '../files/durable-files';
import { isMissing } from '../files/jsonl-files';

/** Who may hold a lease: the desktop or browser app, or `cxone-console automation run`. */
export type RunnerHolderKind = 'app' | 'cli';

const leaseSchema = z.object({
  holder: z.object({
    id: z.string(),
    kind: z.enum(['app', 'cli']),
    host: z.string(),
    pid: z.number().int(),
    label: z.string(),
    since: z.string(),
  }),
  renewedAt: z.string(),
  expiresAt: z.string(),
});
export type RunnerLeaseRecord = z.infer<typeof leaseSchema>;

export interface RunnerLeaseOptions {
  /** The tenant's automation folder: `lease.json` and its lock live there. */
  dir: string;
  kind: RunnerHolderKind;
  /** Says who this runner is on the screen: "Console app", "cxone-console automation run". */
  label: string;
  /** A holder that has not renewed for this long is taken to be gone, and its lease is taken over. */
  leaseMs: number;
  now?: () => number;
}

export type LeaseAttempt = { held: true } | { held: false; holder: RunnerLeaseRecord['holder'] };

export interface RunnerLease {
  readonly id: string;
  /** Takes the lease when it is free, expired or already ours (renewing it); else says who holds it. */
  tryAcquire(): Promise<LeaseAttempt>;
  /** Gives the lease up when it is ours; leaves another holder's alone. */
  release(): Promise<void>;
  /** Who holds the lease now, as the screen shows it. */
  view(): Promise<AutomationRunnerView>;
}

/**
 * One runner per tenant on a shared data folder: `lease.json` names the holder and when its
 * lease expires; every read-compare-write of it happens under the data folder's one
 * cross-process lock, so two runners never both think they hold it.
 */
export function createRunnerLease(options: RunnerLeaseOptions): RunnerLease {
  const now = options.now ?? Date.now;
  const id = randomUUID();
  const path = join(options.dir, 'lease.json');
  const lockPath = join(options.dir, 'lease.lock');
  let since: string | null = null;

  const read = async (): Promise<RunnerLeaseRecord | null> => {
    try {
      const parsed = leaseSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
      // A lease that cannot be read protects nothing: it is taken over, as an expired one is.
      return parsed.success ? parsed.data : null;
    } catch (error) {
      if (isMissing(error) || error instanceof SyntaxError) return null;
      throw error;
    }
  };
  const live = (lease: RunnerLeaseRecord | null): lease is RunnerLeaseRecord => lease !== null && Date.parse(lease.expiresAt) > now();
  const locked = async <T>(work: () => Promise<T>): Promise<T> => {
    await mkdir(options.dir, { recursive: true });
    return withDataFolderLock({ lockPath, what: 'The automation runner lease', staleMs: 5000, waitMs: 15_000 }, work);
  };

  return {
    id,
    tryAcquire: () =>
      locked(async () => {
        const current = await read();
        if (live(current) && current.holder.id !== id) {
          since = null;
          return { held: false, holder: current.holder };
        }
        const at = now();
        since = current?.holder.id === id && since ? since : new Date(at).toISOString();
        const lease: RunnerLeaseRecord = {
          holder: { id, kind: options.kind, host: hostname(), pid: process.pid, label: options.label, since },
          renewedAt: new Date(at).toISOString(),
          expiresAt: new Date(at + options.leaseMs).toISOString(),
        };
        await writeFileAtomic(path, `${JSON.stringify(lease, null, 2)}\n`);
        return { held: true };
      }),
    release: () =>
      locked(async () => {
        since = null;
        const current = await read();
        if (current?.holder.id === id) await rm(path, { force: true });
      }),
    async view() {
      const current = await read();
      if (!live(current)) return { mode: 'data-folder', holder: null };
      const { holder } = current;
      const kind = holder.id === id ? 'this-app' : holder.kind === 'cli' ? 'cli' : 'other-app';
      return { mode: 'data-folder', holder: { kind, host: holder.host, pid: holder.pid, label: holder.label, since: holder.since } };
    },
  };
}

/** "the command line on build-01 (pid 4242) since 2026-12-02T18:00:00.000Z": who holds the lease, for a message. */
export function describeHolder(holder: RunnerLeaseRecord['holder'] | NonNullable<AutomationRunnerView['holder']>): string {
  const who = holder.kind === 'cli' ? 'the command line' : holder.kind === 'this-app' ? 'this app' : 'another console app';
  return `${who} (${holder.label}) on ${holder.host}, pid ${holder.pid}, since ${holder.since}`;
}
