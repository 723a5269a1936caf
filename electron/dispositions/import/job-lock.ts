import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConsoleFailure, consoleError } from '../../../shared/errors';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (thrown) {
    return (thrown as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * One process at a time per job: the app and the command line share the journal
 * folder, and two runners of one job could send a row twice. A lock left by a
 * killed process (its pid is gone) is taken over.
 */
export async function lockJob(path: string, pid = process.pid): Promise<{ release(): Promise<void> }> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code !== 'EEXIST') throw thrown;
      const holder = Number((await readFile(path, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== pid && alive(holder)) {
        throw new ConsoleFailure(
          consoleError('conflict', `This file is being imported by another process (pid ${holder}); wait for it to finish or stop it first.`, { code: 'IMPORT_RUNNING' }),
        );
      }
      await rm(path, { force: true });
    }
  }
  throw new ConsoleFailure(consoleError('conflict', 'Could not take the import lock; try again.', { code: 'IMPORT_RUNNING' }));
}
