import type { ReferenceCatalog } from '../../shared/new-campaign/reference-check';
import type { NewCampaignTenant } from './new-campaign-tenant';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
}

/** Everything the wizard's pickers offer, read in full (all pages) from the tenant. */
export async function readReferenceCatalog(tenant: NewCampaignTenant): Promise<ReferenceCatalog> {
  const [contactLists, wrapUpCodes, dncLists] = await Promise.all([collect(tenant.contactLists()), collect(tenant.wrapUpCodes()), collect(tenant.dncLists())]);
  const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);
  return { contactLists: contactLists.sort(byName), wrapUpCodes, dncLists: dncLists.sort(byName) };
}
