import type { TenantConnection } from '../tenant/ports';
import type { NewCampaignTenant } from './new-campaign-tenant';

/** The new-campaign view of the live connection: the same ports, client, limiter and retry policy. */
export function newCampaignTenantOf(connection: TenantConnection): NewCampaignTenant {
  const { campaigns, referenceData, webhooks } = connection;
  return {
    contactList: (id) => referenceData.contactList(id),
    wrapUpCode: (id) => referenceData.wrapUpCode(id),
    dncList: (id) => referenceData.dncList(id),
    contactLists: () => referenceData.contactLists(),
    wrapUpCodes: () => referenceData.wrapUpCodes(),
    dncLists: () => referenceData.dncLists(),
    campaignsNamed: (name) => campaigns.list({ name, pageSize: 500 }),
    createCampaign: (definition) => campaigns.create(definition),
    subscribeWebhook: (request) => webhooks.create(request),
  };
}
