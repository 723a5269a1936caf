import { closeSync, mkdirSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The error's own code, or one named in its message (writers that wrap the file-system error keep only its text). */
const errnoOf = (error: unknown): string | undefined => {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  if (typeof code === 'string') return code;
  const text = error instanceof Error ? error.message : String(error);
  return /\b(EACCES|EPERM|EROFS|ENOSPC|EDQUOT|ENOTDIR|EISDIR)\b/.exec(text)?.[1];
};

/** The sentence for a file-system error code, or null when the code says nothing a person can act on. */
function sentenceFor(code: string | undefined, folderPath: string | undefined): string | null {
  const folder = folderPath ?? '(its location)';
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `the data folder ${folder} is not writable (permission denied); make it writable for this user`;
    case 'EROFS':
      return `the data folder ${folder} is on a read-only file system; point CXONE_DATA_DIR (or the app's data folder) at a writable one`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk holding the data folder ${folder} is full; free some space`;
    case 'EISDIR':
      return `a folder is in the way of a file the console keeps in the data folder ${folder}; move it away`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `a file is in the way where the data folder ${folder} (or a folder inside it) should be; move it away`;
    default:
      return null;
  }
}

/** Writes and removes a small file in `folder`: the error code a real write gets there, or null when it can write. */
function probeWrite(folder: string): unknown {
  const probe = join(folder, `.write-probe-${process.pid}`);
  try {
    mkdirSync(folder, { recursive: true });
    const fd = openSync(probe, 'w');
    try {
      writeSync(fd, 'probe');
    } finally {
      closeSync(fd);
    }
    rmSync(probe, { force: true });
    return null;
  } catch (error) {
    return error;
  }
}

/**
 * Why something could not be written in `folder`, in words that name the cause: a read-only or
 * full folder says so, whatever the writer's own message was (a lock that "did not become free"
 * because the lock folder cannot be created is really a read-only folder).
 */
export function describeStorageProblem(error: unknown, folder?: string): string {
  const direct = sentenceFor(errnoOf(error), folder);
  if (direct) return direct;
  const probed = folder === undefined ? null : probeWrite(folder);
  const fromProbe = probed === null ? null : sentenceFor(errnoOf(probed), folder);
  if (fromProbe) return fromProbe;
  return error instanceof Error ? error.message : String(error);
}

/** Null when `folder` can be written now, else why not (fast: one small file, no locks). */
export function storageProblemOf(folder: string): string | null {
  const probed = probeWrite(folder);
  return probed === null ? null : describeStorageProblem(probed, folder);
}
