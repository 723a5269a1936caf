import { join } from 'node:path';
import { createConsoleServices, type ConsoleServices } from '../app/console-services';
import { defaultHeadlessDataDir } from '../app/data-dir';
import type { DemoTenantOptions } from '../demo-tenant/index';
import { createJsonFileStore } from '../settings/json-file-store';
import { createFileVault } from '../vault/file-vault';
import { startBridgeServer, type BridgeServer } from './bridge-server';

export interface WebHostOptions {
  dataDir: string;
  rendererDir: string;
  version: string;
  port?: number;
  token?: string;
  demoTenant?: DemoTenantOptions;
  environment?: NodeJS.ProcessEnv;
}

export interface WebHost {
  bridge: BridgeServer;
  services: ConsoleServices;
  close(): Promise<void>;
}

/** The console's services in plain Node, served to a browser over the loopback bridge. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const environment = options.environment ?? process.env;
  const services = await createConsoleServices({
    shell: 'web',
    version: options.version,
    dataDir: options.dataDir,
    store: createJsonFileStore(join(options.dataDir, 'settings.json')),
    vault: createFileVault(join(options.dataDir, 'secrets.json'), {
      environment: { 'env:clientSecret': environment.CXONE_CLIENT_SECRET },
    }),
    demoTenant: options.demoTenant,
  });
  const bridge = await startBridgeServer({
    handlers: services.handlers,
    events: services.events,
    staticDir: options.rendererDir,
    port: options.port,
    token: options.token,
  });
  return {
    bridge,
    services,
    async close() {
      await bridge.close();
      await services.dispose();
    },
  };
}

export { defaultHeadlessDataDir };
