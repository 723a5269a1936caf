import type { Agent, AgentState } from '../../../shared/cxone/schemas';
import type { ContractHttp } from '../contract/contract-http';
import type { RealtimeAgentsPort } from '../ports';
import { agentStateSinceField, unknownTimestamp } from './assumptions';
import { adminAgentStateSchema, skipTopPageOf } from './admin-schemas';
import { walkSkipTop } from './skip-top-pages';

const agentStatePage = skipTopPageOf('agentStates', adminAgentStateSchema);

/** Fact: the states `/agents/states` names; Dialer is a Personal Connection agent waiting for a call. */
const stateOf: Record<string, AgentState> = {
  LoggedOut: 'logged_out',
  Available: 'available',
  Dialer: 'available',
  Unavailable: 'unavailable',
  LoggedIn: 'unavailable',
  InboundContact: 'on_call',
  OutboundContact: 'on_call',
  InboundConsult: 'on_call',
  OutboundConsult: 'on_call',
};

/** Real-time agents from `/agents/states`; the agent's skill is its campaign. */
export function adminRealtimeAgents(http: ContractHttp, pageSize: number): RealtimeAgentsPort {
  return {
    async *agents(signal) {
      const states = walkSkipTop(pageSize, (skip, top) =>
        http.request({
          operation: { name: 'list real-time agent states', method: 'GET', path: '/agents/states' },
          schema: agentStatePage,
          searchParams: { skip, top },
          acceptsEmptyBody: true,
          signal,
        }),
      );
      for await (const state of states) {
        const since = state[agentStateSinceField];
        const agent: Agent = {
          userId: state.agentId,
          name: `Agent ${state.agentId}`,
          state: stateOf[state.agentStateName] ?? 'unavailable',
          queueId: state.teamId ?? null,
          skills: state.skillId ? [state.skillId] : [],
          stateSince: since && !Number.isNaN(Date.parse(since)) ? new Date(since).toISOString() : unknownTimestamp,
        };
        yield agent;
      }
    },
  };
}
