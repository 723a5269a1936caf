import { contactSchema, contractPaths, pageOf } from '../../../shared/cxone/schemas';
import type { ContactsPort } from '../ports';
import type { ContractHttp } from './contract-http';
import { pageSizeOf } from './page-size';
import { walkPages } from './pagination';

const contactPage = pageOf(contactSchema);

/** §4.6 over the contract. */
export function contractContacts(http: ContractHttp, defaultPageSize?: number): ContactsPort {
  return {
    list(campaignId, query = {}, signal) {
      const pageSize = pageSizeOf(query.pageSize, defaultPageSize);
      return walkPages((page) =>
        http.request({
          operation: {
            name: `list contacts of campaign ${campaignId}`,
            method: 'GET',
            path: contractPaths.contacts(campaignId),
            scope: 'outbound:campaign:read',
            resource: `campaign ${campaignId}`,
          },
          schema: contactPage,
          searchParams: { page, pageSize, state: query.state },
          signal,
        }),
      );
    },
    get(campaignId, contactId, signal) {
      return http.request({
        operation: {
          name: `read contact ${contactId}`,
          method: 'GET',
          path: contractPaths.contact(campaignId, contactId),
          scope: 'outbound:campaign:read',
          resource: `contact ${contactId} in campaign ${campaignId}`,
        },
        schema: contactSchema,
        signal,
      });
    },
    applyDisposition(campaignId, contactId, patch, signal) {
      return http.request({
        operation: {
          name: `record disposition ${patch.outcomeCode} for contact ${contactId}`,
          method: 'PATCH',
          path: contractPaths.contact(campaignId, contactId),
          scope: 'outbound:disposition:write',
          resource: `contact ${contactId} in campaign ${campaignId}`,
        },
        schema: contactSchema,
        json: patch,
        signal,
      });
    },
  };
}
