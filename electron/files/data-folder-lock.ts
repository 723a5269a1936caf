// Loaded at start on purpose: through proper-lockfile, signal-exit adds its SIGTERM listener, which
// kills the process if it finds itself alone; loaded after a command's own once-listener, it would
// (that listener is gone by then) and the command could not release its lease on SIGTERM.
import { lock } from 'proper-lockfile';
import { backoff } from '../../shared/base/backoff';
import { delay } from '../../shared/base/delay';
import { Emitter } from '../../shared/base/emitter';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import { deadline } from '../base/deadline';

/**
 * The one cross-process lock of the data folder: the audit log, import jobs and anything
 * else two processes (the app, `cxone-console`) may both write go through here.
 *
 * A lock is a folder created with mkdir (atomic on every platform); proper-lockfile keeps its
 * mtime fresh while held, and one that has not been refreshed for `staleMs` is taken to be
 * left by a crashed process and is taken over. Nothing depends on pids, which can be reused
 * or belong to a process that is dead but not yet reaped.
 */
export interface DataFolderLockOptions {
  /** The lock folder, e.g. `<dataDir>/audit/audit.lock`; its parent must exist. */
  lockPath: string;
  /** What the lock protects, for messages: "The audit log", "This import job". */
  what: string;
  /** A holder that has not refreshed its lock for this long is taken over (at least 2 s). */
  staleMs?: number;
  /** How long to wait for a live holder before giving up; keep it above `staleMs` so a crashed holder is always taken over in time. */
  waitMs?: number;
}

export interface HeldDataFolderLock {
  /** Throws when the lock was lost (another process took it over as stale): writing now could clash with it. */
  assertHeld(): void;
  /** Called once if the lock is lost while held. */
  onLost(listener: (error: unknown) => void): void;
  release(): Promise<void>;
}

export const defaultStaleMs = 10_000;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
const codeOf = (error: unknown) => (typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '');

/** A folder that cannot be written is not "locked by another process": say what it is. */
function cannotLock(options: DataFolderLockOptions, error: unknown): ConsoleFailure {
  const code = codeOf(error);
  const reason =
    code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'the data folder is read-only or not writable by this user'
      : code === 'ENOSPC' || code === 'EDQUOT'
        ? 'the disk holding the data folder is full'
        : code === 'ENOENT'
          ? 'its folder does not exist'
          : 'the lock could not be created';
  return new ConsoleFailure(
    consoleError('permission', `${options.what} cannot be locked at ${options.lockPath}: ${reason} (${messageOf(error)}).`, { code: 'DATA_FOLDER_UNWRITABLE' }),
  );
}

/**
 * Takes the lock, waiting up to `waitMs` while another live process holds it. Fails at once
 * when the folder cannot be written, with a message that says so.
 */
export async function acquireDataFolderLock(options: DataFolderLockOptions): Promise<HeldDataFolderLock> {
  const staleMs = options.staleMs ?? defaultStaleMs;
  const giveUp = deadline(options.waitMs ?? staleMs * 3);
  const pause = backoff({ baseMs: 5, factor: 1.3, capMs: 250 });
  let lost: unknown = null;
  const lostEmitter = new Emitter<unknown>();
  let release: () => Promise<void>;
  try {
    for (let tries = 1; ; tries++) {
      try {
        release = await lock(options.lockPath, {
          lockfilePath: options.lockPath,
          realpath: false,
          stale: staleMs,
          update: Math.max(1000, Math.floor(staleMs / 5)),
          retries: 0,
          onCompromised: (error) => {
            lost = error;
            lostEmitter.fire(error);
          },
        });
        break;
      } catch (error) {
        if (codeOf(error) !== 'ELOCKED') throw cannotLock(options, error);
        if (giveUp.passed) {
          throw new ConsoleFailure(
            consoleError(
              'conflict',
              `${options.what} is locked by another process that is still running (${options.lockPath}); wait for it to finish or stop it first.`,
              {
                code: 'LOCKED',
              },
            ),
          );
        }
        await delay(pause(tries));
      }
    }
  } finally {
    giveUp.clear();
  }
  return {
    assertHeld() {
      if (lost !== null) {
        throw new ConsoleFailure(
          consoleError('conflict', `${options.what}: the lock ${options.lockPath} was lost to another process (${messageOf(lost)}).`, { code: 'LOCK_LOST' }),
        );
      }
    },
    onLost(listener) {
      lostEmitter.event(listener);
    },
    async release() {
      // A lost lock is already released (and maybe held by another process): leave it alone.
      if (lost === null) await release().catch(() => undefined);
    },
  };
}

/** Runs `work` holding the lock and releases it afterwards, whatever `work` did. */
export async function withDataFolderLock<T>(options: DataFolderLockOptions, work: (held: HeldDataFolderLock) => Promise<T>): Promise<T> {
  const held = await acquireDataFolderLock(options);
  try {
    return await work(held);
  } finally {
    await held.release();
  }
}
