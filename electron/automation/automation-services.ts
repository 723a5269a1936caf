import { emergencyInForce } from './emergency-in-force';
import type { AuditActor } from '../../shared/audit/audit-entry';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { AuditWriter } from '../audit/audit-writer';
import type { EventBus } from '../ipc/handlers';
import type { TenantSession } from '../tenant-session/tenant-session';
import type { AnyAutomationRule } from './automation-rule';
import { createAutomationEngine, type AutomationEngine, type AutomationEngineOptions } from './automation-engine';
import { automationTenantDir, automationTenantKey } from './automation-folder';
import { createAutomationHandlers } from './automation-handlers';
import { tickCoordinatorFor } from './coordinator-for';
import { defaultSettingsInput } from './default-settings';
import { createFeedFetch } from './feed-fetch';
import { automationRules } from './rule-registry';
import type { TickCoordinator } from './tick-coordinator';

export interface AutomationServicesOptions {
  dataDir: string;
  tenant: Pick<TenantSession, 'connection' | 'status' | 'onConnectionChanged'>;
  audit: AuditWriter;
  events: EventBus;
  actor: AuditActor;
  /** The rules to run (default: the registry's). */
  rules?: readonly AnyAutomationRule[];
  /** How ticks are shared out (default: the data-folder lease, this app as holder). */
  coordinator?: (dir: string, onRunnerChanged: () => void) => TickCoordinator;
  /** Where CXONE_REDIS_URL is read (default: the process environment). */
  env?: Readonly<Record<string, string | undefined>>;
  /** Engine options tests shorten (the tick deadline). */
  engine?: Pick<AutomationEngineOptions, 'tickDeadlineMs' | 'watch'>;
}

export interface AutomationServices {
  handlers: ReturnType<typeof createAutomationHandlers>;
  /** The connected tenant's engine (started), rebuilt when the tenant changes. */
  engine(): Promise<AutomationEngine>;
  dispose(): Promise<void>;
}

/** The app's automation: one engine for the connected tenant, its state in the data folder, its ticks on the lease this app may hold. */
export function createAutomationServices(options: AutomationServicesOptions): AutomationServices {
  const rules = options.rules ?? automationRules();
  let current: Promise<AutomationEngine> | null = null;
  let disposed = false;

  const build = async (): Promise<AutomationEngine> => {
    const status = options.tenant.status();
    if (!status.apiBaseUrl || !status.clientId) {
      throw new ConsoleFailure(consoleError('configuration', 'Automation needs a connected tenant; connect one in Settings first.'));
    }
    const tenant = { profileId: status.profileId, isDemo: status.isDemo, apiBaseUrl: status.apiBaseUrl, clientId: status.clientId };
    const dir = automationTenantDir(options.dataDir, tenant);
    const onRunnerChanged = () => options.events.emit('automation:changed', { ruleId: null });
    const coordinator =
      options.coordinator?.(dir, onRunnerChanged) ??
      tickCoordinatorFor({
        env: options.env ?? process.env,
        dir,
        tenantKey: automationTenantKey(tenant),
        kind: 'app',
        label: `Console app (${options.actor.name})`,
        onRunnerChanged,
      });
    const engine = createAutomationEngine({
      dir,
      tenantLabel: status.label,
      ports: () => options.tenant.connection(),
      audit: options.audit,
      rules,
      coordinator,
      defaultSettings: (ruleId) => defaultSettingsInput(ruleId, tenant),
      fetchJson: createFeedFetch({ setting: 'Alerts feed URL' }),
      onProgress: (progress) => options.events.emit('runs:progress', progress),
      onChanged: (ruleId) => options.events.emit('automation:changed', { ruleId }),
      ...(tenant.apiBaseUrl && tenant.clientId
        ? { emergencyInForce: emergencyInForce(options.dataDir, { apiBaseUrl: tenant.apiBaseUrl, clientId: tenant.clientId }) }
        : {}),
      ...options.engine,
    });
    try {
      await engine.start();
    } catch (error) {
      // A Redis that does not answer (CXONE_REDIS_URL) fails the start: nothing of this engine is left running.
      await engine.stop().catch(() => undefined);
      throw error;
    }
    return engine;
  };

  const engine = (): Promise<AutomationEngine> => {
    if (disposed) return Promise.reject(new ConsoleFailure(consoleError('cancelled', 'The console is closing.')));
    current ??= build().catch((error: unknown) => {
      current = null;
      throw error;
    });
    return current;
  };

  const stopCurrent = async () => {
    const previous = current;
    current = null;
    await previous?.then((running) => running.stop()).catch(() => undefined);
  };

  const offConnection = options.tenant.onConnectionChanged(() => {
    void stopCurrent().then(() => (disposed ? undefined : engine().catch(() => undefined)));
    options.events.emit('automation:changed', { ruleId: null });
  });

  // Enabled rules run from the start, whether or not anyone opens the Automation screen.
  void engine().catch(() => undefined);

  return {
    handlers: createAutomationHandlers(engine, options.actor),
    engine,
    async dispose() {
      disposed = true;
      offConnection();
      await stopCurrent();
    },
  };
}
