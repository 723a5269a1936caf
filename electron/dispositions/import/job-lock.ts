import { mkdir, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import { acquireDataFolderLock } from '../../files/data-folder-lock';

/**
 * Kept short so a re-run straight after a crash (`kill -9`) takes over within seconds; the
 * holder refreshes its lock every second, so only a process stalled this long loses it.
 */
const jobLockStaleMs = 5_000;
/** Longer than the stale time: a crashed holder's lock is always taken over before giving up. */
const jobLockWaitMs = 8_000;
const jobLockSuffix = '.job.lock';

export interface JobLock {
  /** Called if another process took the lock over (this one stalled past the stale time): the run must stop. */
  onLost(listener: () => void): void;
  release(): Promise<void>;
}

/**
 * One process at a time per job: the app and the command line share the journal folder, and
 * two runners of one job could send a row twice. Uses the data folder's one cross-process lock
 * (`<contentHash>.job.lock/`, refreshed while held, taken over once stale); a process that is
 * still running keeps its job.
 */
export async function lockJob(path: string): Promise<JobLock> {
  await mkdir(dirname(path), { recursive: true });
  try {
    const held = await acquireDataFolderLock({ lockPath: path, what: 'This import job', staleMs: jobLockStaleMs, waitMs: jobLockWaitMs });
    // The pid file older versions left behind means nothing now that the lock is held.
    if (path.endsWith(jobLockSuffix)) await rm(`${path.slice(0, -jobLockSuffix.length)}.lock`, { force: true }).catch(() => undefined);
    return { onLost: (listener) => held.onLost(() => listener()), release: () => held.release() };
  } catch (thrown) {
    if (thrown instanceof ConsoleFailure && thrown.error.code === 'LOCKED') {
      throw new ConsoleFailure(
        consoleError('conflict', 'This file is being imported by another process that is still running; wait for it to finish or stop it first.', {
          code: 'IMPORT_RUNNING',
        }),
      );
    }
    throw thrown;
  }
}
