import { join } from 'node:path';
import type { AuditActor } from '../../../shared/audit/audit-entry';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import type { AuditWriter } from '../../audit/audit-writer';
import type { ImportReport } from '../../../shared/dispositions/import-report';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { Outbox } from '../../outbox/outbox';
import type { SuppressionList } from '../../suppression/suppression-list';
import type { TenantConnection } from '../../tenant/ports';
import { dispositionsHandlers, type DispositionsHandlers } from '../dispositions-handlers';
import { createDispositionImporter, type DispositionImporter } from './disposition-importer';
import type { ImportNotificationSink, ImportSuppressionSink } from './import-ports';
import { waitForTenant, type TenantWatch } from './wait-for-tenant';
import { webhookSecretRefs } from '../../outbox/webhook-secrets';

export interface DispositionImportServicesOptions {
  dataDir: string;
  shell: 'electron' | 'web';
  /** The desktop app's native open dialog; absent in browser mode. */
  pickFile?: () => Promise<string | null>;
  maxUploadBytes?: () => number;
  tenant: TenantWatch & { connection(): TenantConnection };
  audit: AuditWriter;
  actor: AuditActor;
  suppression?: ImportSuppressionSink;
  notifications?: ImportNotificationSink;
  onProgress: (progress: RunProgressOf<'import'>) => void;
  onSettled: (report: ImportReport) => void;
}

export interface DispositionImportServices extends DispositionsHandlers {
  importer: DispositionImporter;
  /** Resumes imports a quit or crash interrupted; call once the tenant session started. */
  resumeInterrupted(): Promise<void>;
}

/** The console's one suppression list, as the import writes to it. */
export const importSuppressionSink = (list: Pick<SuppressionList, 'add'>): ImportSuppressionSink => ({
  add: async (entry) => {
    await list.add({
      phone: entry.phone,
      reason: 'DO_NOT_CALL disposition',
      source: { type: 'disposition-import', id: `${entry.campaignId}/${entry.contactId} (${entry.source})` },
    });
  },
});

/** The vault reference of the secret CRM notifications are signed with. */
export const crmSecretRef = webhookSecretRefs.crm;

/**
 * The one outbox's CRM channel. On when a CRM URL is configured; a missing outbox then
 * shows up as a warning on each applied row rather than as silence. The key drops a
 * resumed row's second copy.
 */
export const importNotificationSink = (options: { outbox: () => Pick<Outbox, 'enqueue'> | null; crmUrl: () => string }): ImportNotificationSink => ({
  enabled: () => options.crmUrl() !== '',
  enqueue: async (notification, key) => {
    const outbox = options.outbox();
    if (!outbox) throw new ConsoleFailure(consoleError('configuration', 'The notification outbox is not running, so the CRM was not notified.'));
    await outbox.enqueue({ channel: 'crm', url: options.crmUrl(), secretRef: crmSecretRef, body: notification, dedupeKey: key });
  },
});

/**
 * `CXONE_IMPORT_BUSY_WAIT_SECONDS`: how long the app keeps retrying contacts on a call once
 * nothing else is left (the command line's `--busy-wait`); unset or invalid = the engine's default.
 */
export function busyWaitFromEnvironment(environment: NodeJS.ProcessEnv): number | undefined {
  const seconds = Number(environment.CXONE_IMPORT_BUSY_WAIT_SECONDS ?? '');
  return Number.isFinite(seconds) && seconds > 0 && seconds <= 3600 ? seconds * 1000 : undefined;
}

/** The disposition import as every shell composes it: engine, journal folder, tenant and audit wiring, IPC handlers. */
export function createDispositionImportServices(options: DispositionImportServicesOptions): DispositionImportServices {
  const dir = join(options.dataDir, 'dispositions');
  const { tenant } = options;
  const importer = createDispositionImporter({
    dir: join(dir, 'imports'),
    contacts: () => tenant.connection().contacts,
    maxConcurrency: () => tenant.connection().limiter.snapshot().maxConcurrency,
    suppression: options.suppression,
    notifications: options.notifications,
    audit: {
      record: async (entry) => {
        await options.audit.append({ actor: options.actor, tenant: tenant.status().label, ...entry });
      },
    },
    waitForTenant: (signal) => waitForTenant(tenant, signal),
    onProgress: options.onProgress,
    onRunSettled: options.onSettled,
    busyTailMs: busyWaitFromEnvironment(process.env),
  });
  const { handlers, chosen, dispose } = dispositionsHandlers({
    dir,
    dataDir: options.dataDir,
    shell: options.shell,
    ...(options.pickFile ? { pickFile: options.pickFile } : {}),
    ...(options.maxUploadBytes ? { maxUploadBytes: options.maxUploadBytes } : {}),
    importer,
    contacts: () => tenant.connection().contacts,
    referenceData: () => {
      try {
        return tenant.connection().referenceData;
      } catch {
        return null;
      }
    },
    outcomeMapIn: () => (tenant.status().adapter === 'cxone-admin' ? 'Settings ("Outcome codes → dispositions")' : undefined),
    maxConcurrency: () => tenant.connection().limiter.snapshot().maxConcurrency,
    onProgress: options.onProgress,
  });
  return {
    importer,
    handlers,
    chosen,
    async resumeInterrupted() {
      await importer.resumeInterrupted();
    },
    async dispose() {
      await importer.close();
      await dispose();
    },
  };
}
