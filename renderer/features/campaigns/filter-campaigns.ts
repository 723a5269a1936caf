import type { Campaign } from '../../../shared/cxone/schemas';
import type { CampaignFilters } from './campaigns-store';

export function filterCampaigns(campaigns: readonly Campaign[], filters: CampaignFilters): Campaign[] {
  const text = filters.text.trim().toLowerCase();
  return campaigns.filter(
    (c) =>
      (!filters.status || c.status === filters.status) &&
      (!filters.region || c.customAttributes.region === filters.region) &&
      (!filters.dialerType || c.dialerType === filters.dialerType) &&
      (!text || c.name.toLowerCase().includes(text) || c.id.toLowerCase().includes(text) || c.contactListId.toLowerCase().includes(text)),
  );
}
