import type { AuditActor } from '../../shared/audit/audit-entry';
import type { RequestHandlers } from '../ipc/handlers';
import type { CampaignsPort } from '../tenant/ports';
import type { BulkActions } from './bulk-actions';
import type { CampaignControl } from './campaign-control';
import type { CampaignDirectory } from './campaign-directory';

type CampaignsChannel = Extract<keyof RequestHandlers, `campaigns:${string}`>;

export interface CampaignsHandlerOptions {
  campaigns: Pick<CampaignDirectory, 'snapshot' | 'refresh' | 'settle'>;
  /** The live connection, to read one campaign fresh. */
  tenant: { connection(): { campaigns: Pick<CampaignsPort, 'get'> } };
  bulkActions: BulkActions;
  campaignControl: Pick<CampaignControl, 'emergencyPause' | 'resumeEmergency' | 'cancelEmergency' | 'emergencyState'>;
  actor: AuditActor;
}

/** The Campaigns screen: the live list, one campaign read fresh, pause/resume on a selection, the emergency pause and its resume. */
export function createCampaignsHandlers(options: CampaignsHandlerOptions): Pick<RequestHandlers, CampaignsChannel> {
  const { campaigns, tenant, bulkActions, campaignControl, actor: user } = options;
  return {
    'campaigns:snapshot': async () => campaigns.snapshot(),
    'campaigns:refresh': () => campaigns.refresh(),
    'campaigns:get': async ({ id }) => {
      const fresh = await tenant.connection().campaigns.get(id);
      campaigns.settle(id, fresh);
      return fresh;
    },
    'campaigns:setStatus': ({ ids, status, actionId }) => bulkActions.run(ids, status, user, actionId),
    'campaigns:cancelAction': async ({ actionId }) => ({ cancelled: bulkActions.cancel(actionId) }),
    'campaigns:emergencyPause': () => campaignControl.emergencyPause(user),
    'campaigns:resumeEmergency': () => campaignControl.resumeEmergency(user),
    'campaigns:cancelEmergency': async () => ({ cancelled: campaignControl.cancelEmergency() }),
    'campaigns:emergencyState': async () => campaignControl.emergencyState(),
  };
}
