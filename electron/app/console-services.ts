import type { DemoTenantOptions } from '../demo-tenant/index';
import { createEventBus, type EventBus, type RequestHandlers } from '../ipc/handlers';
import type { KeyValueStore } from '../settings/key-value-store';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { createTenantSession, type TenantSession } from '../tenant-session/tenant-session';
import type { CredentialVault } from '../vault/credential-vault';

export interface ConsoleServicesOptions {
  shell: 'electron' | 'web';
  version: string;
  dataDir: string;
  store: KeyValueStore;
  vault: CredentialVault;
  demoTenant?: DemoTenantOptions;
}

export interface ConsoleServices {
  handlers: RequestHandlers;
  events: EventBus;
  tenant: TenantSession;
  settings: SettingsService;
  dispose(): Promise<void>;
}

/**
 * The services behind every shell. Electron's main.ts, the browser host and the
 * tests are composition roots over this one function.
 */
export async function createConsoleServices(options: ConsoleServicesOptions): Promise<ConsoleServices> {
  const events = createEventBus();
  const settings = createSettingsService(options.store);
  const tenant = createTenantSession({ store: options.store, vault: options.vault, demoTenant: options.demoTenant });
  const unsubscribers = [
    tenant.onStatus((status) => events.emit('tenant:statusChanged', status)),
    settings.onChange((next) => events.emit('settings:changed', next)),
  ];
  let unsubscribeLog: (() => void) | null = null;
  unsubscribers.push(
    tenant.onConnectionChanged((connection) => {
      unsubscribeLog?.();
      unsubscribeLog = connection.requestLog.subscribe((entry) => events.emit('tenant:requestLogged', entry));
    }),
  );
  await tenant.start();

  const handlers: RequestHandlers = {
    'app:info': async () => ({
      name: 'CXone Outbound Console',
      version: options.version,
      shell: options.shell,
      dataDir: options.dataDir,
      platform: process.platform,
    }),
    'tenant:status': async () => tenant.status(),
    'tenant:reconnect': () => tenant.reconnect(),
    'tenant:useDemo': () => tenant.useDemo(),
    'tenant:connect': (input) => tenant.connect(input),
    'tenant:requestLog': async ({ limit }) => tenant.connection().requestLog.recent(limit),
    'settings:get': async () => settings.get(),
    'settings:update': async (change) => settings.update(change),
  };

  return {
    handlers,
    events,
    tenant,
    settings,
    async dispose() {
      unsubscribeLog?.();
      for (const off of unsubscribers) off();
      await tenant.close();
    },
  };
}
