import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { ConsoleFailure, consoleError } from '../../shared/errors';

/** The lock folder inside the audit folder; it exists only while some process writes. */
export const auditLockName = 'audit.lock';

/** A holder older than this without refreshing its lock is taken to have crashed, and is taken over. */
const staleMs = 10_000;

/** Waits up to about 30 s: longer than `staleMs`, so a crashed holder's lock is always taken over in time. */
const retries = { retries: 60, factor: 1.3, minTimeout: 5, maxTimeout: 500 };

export interface HeldAuditLock {
  /** Throws when the lock was lost (another process took it over as stale): writing now could fork the chain. */
  assertHeld(): void;
}

const failure = (dir: string, what: string, error: unknown) =>
  new ConsoleFailure(consoleError('internal', `${what} in ${dir}: ${error instanceof Error ? error.message : String(error)}`));

/**
 * Runs `work` holding the audit folder's cross-process lock (a lock folder created with
 * mkdir, which is atomic on every platform; proper-lockfile keeps its mtime fresh while
 * held and takes over one left stale by a crashed process). Every process that appends
 * to the same folder — the app, `cxone-console`, import jobs — goes through here.
 */
export async function withAuditLock<T>(dir: string, work: (held: HeldAuditLock) => Promise<T>): Promise<T> {
  let lost: unknown = null;
  let release: () => Promise<void>;
  try {
    release = await lock(dir, {
      lockfilePath: join(dir, auditLockName),
      realpath: false,
      stale: staleMs,
      retries,
      onCompromised: (error) => {
        lost = error;
      },
    });
  } catch (error) {
    throw failure(dir, 'The audit log is locked by another process and did not become free', error);
  }
  const held: HeldAuditLock = {
    assertHeld() {
      if (lost !== null) throw failure(dir, 'The audit log lock was lost to another process', lost);
    },
  };
  try {
    return await work(held);
  } finally {
    // A lost lock is already released (and maybe held by another process): leave it alone.
    if (lost === null) await release().catch(() => undefined);
  }
}
