import type {
  Campaign,
  CampaignDefinition,
  ContactList,
  DncList,
  WebhookSubscription,
  WebhookSubscriptionRequest,
  WrapUpCode,
} from '../../shared/cxone/schemas';

/**
 * The tenant capabilities the new-campaign flow uses, narrowed from the connection's
 * ports so the services state exactly what they need (and tests can see it at a glance).
 * Every call goes through the connection's one client: its rate limiter and retry policy.
 */
export interface NewCampaignTenant {
  contactList(id: string): Promise<ContactList>;
  wrapUpCode(id: string): Promise<WrapUpCode>;
  dncList(id: string): Promise<DncList>;
  contactLists(): AsyncIterable<ContactList>;
  wrapUpCodes(): AsyncIterable<WrapUpCode>;
  dncLists(): AsyncIterable<DncList>;
  /** Campaigns whose name matches the tenant's name filter (which may be a substring match). */
  campaignsNamed(name: string): AsyncIterable<Campaign>;
  createCampaign(definition: CampaignDefinition): Promise<Campaign>;
  subscribeWebhook(request: WebhookSubscriptionRequest): Promise<WebhookSubscription>;
}

/** Campaigns whose name is exactly `name` (the tenant's filter is broader). */
export async function campaignsWithExactName(tenant: NewCampaignTenant, name: string): Promise<Campaign[]> {
  const wanted = name.trim().toLowerCase();
  const found: Campaign[] = [];
  for await (const campaign of tenant.campaignsNamed(name.trim())) {
    if (campaign.name.trim().toLowerCase() === wanted) found.push(campaign);
  }
  return found;
}
