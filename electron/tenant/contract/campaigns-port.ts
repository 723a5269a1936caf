import { campaignSchema, contractPaths, pageOf, type CampaignDefinition, type CampaignReplacement, type RequestedStatus } from '../../../shared/cxone/schemas';
import type { CampaignsPort } from '../ports';
import type { ContractHttp } from './contract-http';
import { pageSizeOf } from './page-size';
import { walkPages } from './pagination';

const campaignPage = pageOf(campaignSchema);
const statusVerb: Record<RequestedStatus, string> = { running: 'start', paused: 'pause', completed: 'complete' };

/** §4.1–4.2 over the contract. */
export function contractCampaigns(http: ContractHttp, defaultPageSize?: number): CampaignsPort {
  return {
    list(query = {}, signal) {
      const pageSize = pageSizeOf(query.pageSize, defaultPageSize);
      return walkPages((page) =>
        http.request({
          operation: { name: 'list campaigns', method: 'GET', path: contractPaths.campaigns, scope: 'outbound:campaign:read' },
          schema: campaignPage,
          searchParams: { page, pageSize, status: query.status, name: query.name },
          signal,
        }),
      );
    },
    get(id, signal) {
      return http.request({
        operation: {
          name: `read campaign ${id}`,
          method: 'GET',
          path: contractPaths.campaign(id),
          scope: 'outbound:campaign:read',
          resource: `campaign ${id}`,
        },
        schema: campaignSchema,
        signal,
      });
    },
    create(definition: CampaignDefinition, signal) {
      return http.request({
        operation: {
          name: `create campaign "${definition.name}"`,
          method: 'POST',
          path: contractPaths.campaigns,
          scope: 'outbound:campaign:write',
          resource: 'a referenced contact list, wrap-up code or DNC list',
        },
        schema: campaignSchema,
        json: definition,
        signal,
      });
    },
    replace(id, replacement: CampaignReplacement, signal) {
      return http.request({
        operation: {
          name: `save campaign ${id}`,
          method: 'PUT',
          path: contractPaths.campaign(id),
          scope: 'outbound:campaign:write',
          resource: `campaign ${id}`,
        },
        schema: campaignSchema,
        json: replacement,
        signal,
      });
    },
    setStatus(id, status, signal) {
      return http.request({
        operation: {
          name: `${statusVerb[status]} campaign ${id}`,
          method: 'PATCH',
          path: contractPaths.campaign(id),
          scope: 'outbound:campaign:write',
          resource: `campaign ${id}`,
        },
        schema: campaignSchema,
        json: { status },
        signal,
      });
    },
  };
}
