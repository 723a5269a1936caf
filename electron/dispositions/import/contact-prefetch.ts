import type { Contact } from '../../../shared/cxone/schemas';
import type { ImportContactsPort } from './import-ports';

const pageSize = 500;
/** Pages read whatever they hold: a file's rows need not be in the campaign's first page. */
const freePages = 2;

export interface ContactPrefetch {
  /**
   * The contact as read with its campaign's pages, once: a second call for the same
   * contact (a retry) gets null and reads it fresh. Null too when the campaign was
   * not worth paging through or could not be read.
   */
  take(campaignId: string, contactId: string, signal?: AbortSignal): Promise<Contact | null>;
}

/**
 * Reading each contact before writing it costs a request per row; reading a campaign's
 * contacts a page (500) at a time costs a request per page. Pages are read only while
 * they pay for themselves: after two pages, paging stops once fewer wanted contacts were
 * found than pages read, so a file with a few rows of a huge campaign costs two pages at
 * most, and paging stops as soon as every wanted contact is found. `wanted` lists the contacts the run will write.
 */
export function createContactPrefetch(contacts: ImportContactsPort, wanted: Iterable<{ campaignId: string; contactId: string }>): ContactPrefetch | null {
  const list = contacts.list?.bind(contacts);
  if (!list) return null;
  const missing = new Map<string, Set<string>>();
  for (const { campaignId, contactId } of wanted) {
    let ids = missing.get(campaignId);
    if (!ids) missing.set(campaignId, (ids = new Set()));
    ids.add(contactId);
  }
  const found = new Map<string, Map<string, Contact>>();
  const loads = new Map<string, Promise<void>>();

  const load = async (campaignId: string, signal?: AbortSignal) => {
    const ids = missing.get(campaignId);
    if (!ids || ids.size < 2) return;
    const kept = new Map<string, Contact>();
    found.set(campaignId, kept);
    let seen = 0;
    try {
      for await (const contact of list(campaignId, { pageSize }, signal)) {
        if (ids.delete(contact.id)) kept.set(contact.id, contact);
        seen += 1;
        if (ids.size === 0) break;
        // After two pages, each page must have saved at least one read per page so far.
        const pages = seen / pageSize;
        if (seen % pageSize === 0 && pages >= freePages && kept.size < pages) break;
      }
    } catch {
      // Paging is only a shortcut: rows not found here are read one by one as before.
    }
  };

  return {
    async take(campaignId, contactId, signal) {
      let loading = loads.get(campaignId);
      if (!loading) loads.set(campaignId, (loading = load(campaignId, signal)));
      await loading;
      const kept = found.get(campaignId);
      const contact = kept?.get(contactId) ?? null;
      kept?.delete(contactId);
      return contact;
    },
  };
}
