import { randomUUID } from 'node:crypto';
import { realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, relative, sep } from 'node:path';
import { ConsoleFailure, consoleError } from '../../shared/errors';

/** What a disposition file can be called; anything else (secrets.json, /etc/passwd, audit logs) is not one. */
const dispositionExtensions = new Set(['.csv', '.tsv', '.txt']);

const refuse = (message: string, path: string) => new ConsoleFailure(consoleError('validation', message, { target: path }));

const inside = (folder: string, path: string) => {
  const fromFolder = relative(folder, path);
  return fromFolder === '' || (!fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder));
};

/**
 * A path the lead chose (typed and confirmed, or picked in a dialog), checked before main
 * reads it: an absolute path to a regular .csv/.tsv/.txt file outside the console's data
 * folder (links followed first, so a link into the data folder is refused too).
 */
export async function checkChosenPath(path: string, dataDir: string): Promise<string> {
  if (!isAbsolute(path)) throw refuse(`Give the full path of the file, e.g. /home/lead/exports/calls.csv; "${path}" is not one.`, path);
  let real: string;
  try {
    real = await realpath(path);
  } catch {
    throw refuse(`There is no file at ${path}; check the path.`, path);
  }
  const dataFolder = await realpath(dataDir).catch(() => dataDir);
  if (inside(dataFolder, real)) {
    throw refuse(
      `${path} is inside the console's own data folder (${dataDir}), which holds its settings, secrets and audit log; it cannot be opened as a disposition file.`,
      path,
    );
  }
  if (!dispositionExtensions.has(extname(real).toLowerCase())) {
    throw refuse(`${basename(path)} is not a disposition file: open a .csv, .tsv or .txt file.`, path);
  }
  const stats = await stat(real);
  if (!stats.isFile()) throw refuse(`${path} is not a file.`, path);
  return real;
}

export interface ChosenFiles {
  /** A file main itself chose or checked; the renderer gets only the id. */
  register(path: string): { fileId: string; fileName: string };
  take(fileId: string): { path: string; fileName: string };
}

/** Ids of files picked in main (dialog, demo sample): the renderer names a file by id, never by path. */
export function createChosenFiles(): ChosenFiles {
  const files = new Map<string, { path: string; fileName: string }>();
  return {
    register(path) {
      // A handful is plenty: one pick is opened right after it is made.
      if (files.size >= 16) files.delete(files.keys().next().value as string);
      const fileId = randomUUID();
      const fileName = basename(path);
      files.set(fileId, { path, fileName });
      return { fileId, fileName };
    },
    take(fileId) {
      const file = files.get(fileId);
      if (!file) throw new ConsoleFailure(consoleError('not_found', 'That file choice is no longer known; choose the file again.', { target: fileId }));
      files.delete(fileId);
      return file;
    },
  };
}
