import type { RequestHandlers } from '../ipc/handlers';

export interface AppInfoOptions {
  shell: 'electron' | 'web';
  version: string;
  dataDir: string;
}

/** Which console this is: name, version, shell, data folder and platform. */
export function createAppInfoHandlers(options: AppInfoOptions): Pick<RequestHandlers, 'app:info'> {
  return {
    'app:info': async () => ({
      name: 'CXone Outbound Console',
      version: options.version,
      shell: options.shell,
      dataDir: options.dataDir,
      platform: process.platform,
    }),
  };
}
