import { join } from 'node:path';
import { createAutomationServices } from '../automation/automation-services';
import { createAuditHandlers } from '../audit/audit-handlers';
import { createAuditLog, type AuditLog } from '../audit/audit-log';
import { watchOtherWriters } from '../audit/watch-other-writers';
import { watchFolder } from '../files/watch-folder';
import { createBulkActions } from '../campaigns/bulk-actions';
import { createCampaignControl, type CampaignControl } from '../campaigns/campaign-control';
import { createCampaignDirectory, type CampaignDirectory } from '../campaigns/campaign-directory';
import { createCampaignsHandlers } from '../campaigns/campaigns-handlers';
import { connectedEmergencyRecord } from '../campaigns/connected-emergency-record';
import { connectedDialingHint, dialingOfSnapshot } from '../campaigns/dialing-hint';
import type { DemoTenantOptions } from '../demo-tenant/index';
import type { AdminApiDemoTenantOptions } from '../demo-tenant-admin/index';
import { demoSampleHandler } from './demo-sample-handler';
import { createDispositionImportServices, importNotificationSink, importSuppressionSink } from '../dispositions/import/import-services';
import { createEventBus, type EventBus, type RequestHandlers } from '../ipc/handlers';
import { createNewCampaignHandlers, marketingSecretRef } from '../new-campaign/new-campaign-services';
import { createSimulationPool } from '../new-campaign/simulation-pool';
import { createSimulationService } from '../new-campaign/simulation-service';
import { createOutbox, type Outbox } from '../outbox/outbox';
import { createOutboxHandlers } from '../outbox/outbox-handlers';
import type { KeyValueStore } from '../settings/key-value-store';
import { schedulesServices } from '../schedules/schedules-services';
import { createSettingsHandlers } from '../settings/settings-handlers';
import { createSettingsService, type SettingsService } from '../settings/settings-service';
import { createSuppressionList } from '../suppression/suppression-list';
import { auditedSecretChanges, redactingAudit } from '../security/security-audit';
import { createTenantHandlers } from '../tenant-session/tenant-handlers';
import { createTenantSession, type TenantSession } from '../tenant-session/tenant-session';
import type { CredentialVault } from '../vault/credential-vault';
import { createAppInfoHandlers } from './app-info-handlers';
import { operatorActor } from './operator-actor';

export interface ConsoleServicesOptions {
  shell: 'electron' | 'web';
  version: string;
  dataDir: string;
  store: KeyValueStore;
  vault: CredentialVault;
  demoTenant?: DemoTenantOptions;
  /** The simulated Admin API tenant, when Settings chooses "Demo tenant (Admin API)". */
  adminApiDemoTenant?: AdminApiDemoTenantOptions;
  /** The desktop app's native open dialog (the only way it names a file on disk); absent in browser mode. */
  pickFile?: () => Promise<string | null>;
}

export interface ConsoleServices {
  handlers: RequestHandlers;
  events: EventBus;
  tenant: TenantSession;
  settings: SettingsService;
  audit: AuditLog;
  campaigns: CampaignDirectory;
  campaignControl: CampaignControl;
  dispose(): Promise<void>;
}

/**
 * The services behind every shell. Electron's main.ts, the browser host and the
 * tests are composition roots over this one function.
 */
export async function createConsoleServices(options: ConsoleServicesOptions): Promise<ConsoleServices> {
  const events = createEventBus();
  const settings = createSettingsService(options.store);
  const user = operatorActor();
  // Read at each write, so a changed rotation size or retention applies without a restart.
  const audit = redactingAudit(
    await createAuditLog({
      dir: join(options.dataDir, 'audit'),
      maxFileBytes: () => settings.get().auditMaxFileMegabytes * 1024 * 1024,
      retentionDays: () => settings.get().auditRetentionDays,
    }),
  );
  const tenant = createTenantSession({
    store: options.store,
    vault: options.vault,
    demoTenant: options.demoTenant,
    ...(options.adminApiDemoTenant ? { adminApiDemoTenant: options.adminApiDemoTenant } : {}),
    audit,
    actor: user,
  });
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
  unsubscribers.push(
    audit.onAppended((entry) => events.emit('audit:appended', entry)),
    watchOtherWriters(audit, join(options.dataDir, 'audit'), (entry) => events.emit('audit:appended', entry)).stop,
  );
  const campaigns = createCampaignDirectory({
    connection: () => tenant.connection(),
    intervalSeconds: () => settings.get().refreshIntervalSeconds,
  });
  const emergencyRecord = connectedEmergencyRecord(options.dataDir, () => tenant.status());
  const dialingHint = connectedDialingHint(emergencyRecord);
  const campaignControl = createCampaignControl({
    connection: () => tenant.connection(),
    tenantLabel: () => tenant.status().label,
    directory: campaigns,
    record: emergencyRecord,
    dialingHint,
    audit,
    onProgress: (progress) => events.emit('runs:progress', progress),
    onEmergencyChange: (state) => events.emit('campaigns:emergencyChanged', state),
  });
  unsubscribers.push(
    campaigns.onChange((snapshot) => events.emit('campaigns:changed', snapshot)),
    // What dials now, saved for a command line's emergency pause on this machine.
    campaigns.onChange((snapshot) => {
      const dialing = dialingOfSnapshot(snapshot);
      if (dialing) dialingHint().write(dialing);
    }),
    // The command line's emergency pause or resume shows in the app as soon as it is recorded.
    watchFolder(join(options.dataDir, 'emergency'), () => events.emit('campaigns:emergencyChanged', campaignControl.emergencyState())),
    tenant.onConnectionChanged(() => {
      campaigns.reset();
      void campaigns.refresh();
      events.emit('campaigns:emergencyChanged', campaignControl.emergencyState());
    }),
  );
  await tenant.start();
  campaigns.start();
  const bulkActions = createBulkActions(campaignControl, (progress) => events.emit('runs:progress', progress));
  // The one outbox: every webhook notification is persisted before it is sent, and survives restarts.
  const outbox: Outbox = await createOutbox({ dir: join(options.dataDir, 'outbox'), resolveSecret: (ref) => options.vault.get(ref) });
  outbox.start();
  unsubscribers.push(outbox.onChange(({ stats }) => events.emit('outbox:changed', stats)));
  const suppressionList = await createSuppressionList({ dir: join(options.dataDir, 'suppression') });
  const dispositionImport = createDispositionImportServices({
    dataDir: options.dataDir,
    shell: options.shell,
    ...(options.pickFile ? { pickFile: options.pickFile } : {}),
    maxUploadBytes: () => settings.get().maxUploadBytes,
    tenant,
    audit,
    actor: { type: 'import', name: user.name },
    suppression: importSuppressionSink(suppressionList),
    notifications: importNotificationSink({ outbox: () => outbox, crmUrl: () => settings.get().crmWebhookUrl }),
    onProgress: (progress) => events.emit('runs:progress', progress),
    onSettled: (report) => events.emit('dispositions:importSettled', report),
  });
  void dispositionImport.resumeInterrupted().catch(() => undefined);

  const newCampaign = createNewCampaignHandlers({
    connection: () => tenant.connection(),
    tenantId: () => tenant.status().profileId ?? 'none',
    tenantLabel: () => tenant.status().label,
    audit,
    store: options.store,
    marketingUrl: () => settings.get().marketingWebhookUrl,
    marketingSecret: () => options.vault.get(marketingSecretRef),
    outbox: () => outbox,
    refreshCampaigns: () => campaigns.refresh(),
    actor: user,
  });
  // Worker threads start on the first Simulate and stay for the next one.
  const simulation = createSimulationService({
    pool: createSimulationPool(),
    onProgress: (progress) => events.emit('runs:progress', progress),
  });
  const automation = createAutomationServices({ dataDir: options.dataDir, tenant, audit, events, actor: user });
  const handlers: RequestHandlers = {
    ...createAppInfoHandlers(options),
    ...createTenantHandlers(tenant),
    ...createSettingsHandlers({ settings, audit, actor: user, tenantLabel: () => tenant.status().label }),
    ...dispositionImport.handlers,
    ...demoSampleHandler({ tenant, dir: join(options.dataDir, 'samples'), chosen: dispositionImport.chosen }),
    ...createCampaignsHandlers({ campaigns, tenant, bulkActions, campaignControl, actor: user }),
    ...newCampaign,
    ...simulation.handlers,
    ...createAuditHandlers(audit, options.dataDir),
    ...automation.handlers,
    ...schedulesServices({ dataDir: options.dataDir, tenant, audit, outbox, settings, events, actor: user }),
    ...auditedSecretChanges(createOutboxHandlers({ outbox, vault: options.vault, settings: () => settings.get() }), audit, user, () => tenant.status().label),
  };

  return {
    handlers,
    events,
    tenant,
    settings,
    audit,
    campaigns,
    campaignControl,
    async dispose() {
      await automation.dispose();
      campaigns.stop();
      unsubscribeLog?.();
      for (const off of unsubscribers) off();
      await dispositionImport.dispose();
      await simulation.dispose();
      await outbox.stop();
      await suppressionList.close();
      await tenant.close();
      await audit.close();
    },
  };
}
