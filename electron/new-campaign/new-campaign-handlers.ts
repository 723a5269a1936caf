import type { AuditActor } from '../../shared/audit/audit-entry';
import type { RequestHandlers } from '../ipc/handlers';
import type { CampaignCreator } from './campaign-creator';
import { checkDependencies } from './dependency-check';
import type { NewCampaignTenant } from './new-campaign-tenant';
import { readReferenceCatalog } from './reference-catalog';

type NewCampaignChannel = 'newCampaign:references' | 'newCampaign:checkReferences' | 'newCampaign:create';

export interface NewCampaignHandlerOptions {
  tenant: () => NewCampaignTenant;
  creator: CampaignCreator;
  actor: AuditActor;
}

export function newCampaignHandlers(options: NewCampaignHandlerOptions): Pick<RequestHandlers, NewCampaignChannel> {
  return {
    'newCampaign:references': () => readReferenceCatalog(options.tenant()),
    'newCampaign:checkReferences': ({ form }) => checkDependencies(options.tenant(), form),
    'newCampaign:create': (request) => options.creator.create(request, options.actor),
  };
}
