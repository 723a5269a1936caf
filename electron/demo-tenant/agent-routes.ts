import { tokenPageAnswer } from './pagination';
import type { DemoTenantState } from './public-types';
import type { Route } from './router';

export function agentRoutes(state: DemoTenantState): Route[] {
  return [
    {
      method: 'GET',
      pattern: '/api/v2/realtime/agents',
      scope: 'realtime:read',
      handle: (request) => tokenPageAnswer(request.query, state.agents, (agent) => ({ ...agent, skills: [...agent.skills] })),
    },
  ];
}
