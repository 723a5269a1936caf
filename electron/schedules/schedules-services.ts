import { join } from 'node:path';
import type { AuditActor } from '../../shared/audit/audit-entry';
import type { AuditWriter } from '../audit/audit-writer';
import type { EventBus } from '../ipc/handlers';
import type { Outbox } from '../outbox/outbox';
import type { SettingsService } from '../settings/settings-service';
import type { TenantSession } from '../tenant-session/tenant-session';
import { schedulesUnavailableOn } from '../../shared/schedules/schedule-availability';
import { blackoutDatesIn, blackoutTenantKey } from './blackout-dates';
import { createScheduleApplier } from './schedule-applier';
import { activationProgress, createSchedulesHandlers } from './schedules-handlers';
import { wfmNotificationSink } from './wfm-notification-sink';

export interface SchedulesServicesOptions {
  dataDir: string;
  tenant: Pick<TenantSession, 'connection' | 'status'>;
  audit: AuditWriter;
  outbox: Pick<Outbox, 'enqueue'>;
  settings: Pick<SettingsService, 'get'>;
  events: EventBus;
  actor: AuditActor;
}

/** The Schedules screen's handlers as the app composes them: the session's tenant, the one audit log and outbox, the data folder's blackout dates. */
export function schedulesServices(options: SchedulesServicesOptions) {
  const applier = createScheduleApplier({
    ports: () => options.tenant.connection(),
    tenantId: () => blackoutTenantKey(options.tenant.connection().profile),
    tenantLabel: () => options.tenant.status().label,
    audit: options.audit,
    wfm: wfmNotificationSink({ outbox: () => options.outbox, wfmUrl: () => options.settings.get().wfmWebhookUrl }),
    blackoutDates: blackoutDatesIn(join(options.dataDir, 'schedules')),
  });
  return createSchedulesHandlers({
    ports: () => options.tenant.connection(),
    applier,
    actor: options.actor,
    onActivation: (campaignId, report) => options.events.emit('runs:progress', activationProgress(campaignId, report)),
    unavailable: () => schedulesUnavailableOn(options.tenant.connection().profile.adapter),
  });
}
