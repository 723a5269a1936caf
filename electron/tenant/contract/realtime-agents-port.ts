import { agentSchema, contractPaths, maxPageSize, tokenPageOf } from '../../../shared/cxone/schemas';
import type { TenantOperation } from '../operation';
import type { RealtimeAgentsPort } from '../ports';
import type { ContractHttp } from './contract-http';
import { walkTokenPages } from './pagination';

const agentPage = tokenPageOf(agentSchema);

/** §4.7 over the contract (token-style pages). */
export function contractRealtimeAgents(http: ContractHttp, pageSize = maxPageSize): RealtimeAgentsPort {
  const operation: TenantOperation = { name: 'list real-time agent states', method: 'GET', path: contractPaths.realtimeAgents, scope: 'realtime:read' };
  return {
    agents(signal) {
      return walkTokenPages(operation, (token) =>
        http.request({ operation, schema: agentPage, searchParams: { pageSize, nextPageToken: token ?? undefined }, signal }),
      );
    },
  };
}
