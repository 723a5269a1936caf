import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where headless hosts keep their data unless CXONE_DATA_DIR says otherwise. */
export function defaultHeadlessDataDir(environment: NodeJS.ProcessEnv = process.env): string {
  if (environment.CXONE_DATA_DIR) return environment.CXONE_DATA_DIR;
  const base = environment.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return join(base, 'cxone-outbound-console');
}
