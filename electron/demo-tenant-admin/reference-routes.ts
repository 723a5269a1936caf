import { adminError, answer, pageAnswer, skipTopOf } from './answers';
import type { AdminApiTenantState } from './public-types';
import { isAnswer, numericId, type AdminRoute } from './router';

/** Agent states, dispositions, calling lists and DNC groups. */
export function referenceRoutes(state: AdminApiTenantState): AdminRoute[] {
  const paged =
    <T>(key: string, items: () => readonly T[]): AdminRoute['handle'] =>
    ({ path, query }) => {
      const paging = skipTopOf(query);
      return isAnswer(paging) ? paging : pageAnswer(path, key, items(), paging);
    };
  const groupOf = (raw: string | undefined) => {
    const id = numericId(raw, 'dncGroupId');
    if (isAnswer(id)) return id;
    return state.dncGroups.find((group) => group.dncGroupId === id) ?? adminError(404, 'NotFound', `DNC group ${id} does not exist.`);
  };
  return [
    {
      method: 'GET',
      pattern: '/agents/states',
      handle: (request) => {
        const raw = request.query.get('updatedSince');
        const since = raw === null ? null : Date.parse(raw);
        if (since !== null && Number.isNaN(since)) return adminError(400, 'InvalidParameter', 'updatedSince must be an ISO 8601 date and time.');
        return paged('agentStates', () => state.agentStates.filter((agent) => since === null || Date.parse(agent.startDate) >= since))(request);
      },
    },
    { method: 'GET', pattern: '/dispositions', handle: paged('dispositions', () => state.dispositions) },
    { method: 'GET', pattern: '/lists/call-lists', handle: paged('callingLists', () => state.callingLists) },
    { method: 'GET', pattern: '/dnc-groups', handle: paged('dncGroups', () => state.dncGroups) },
    {
      method: 'GET',
      pattern: '/dnc-groups/:id/records',
      handle: (request) => {
        const group = groupOf(request.params.id);
        if (isAnswer(group)) return group;
        const records = [...(state.dncRecords.get(group.dncGroupId) ?? new Map<string, string | null>())].map(([phoneNumber, expiredDate]) => ({
          phoneNumber,
          expiredDate,
        }));
        return paged('dncGroupRecords', () => records)(request);
      },
    },
    {
      method: 'POST',
      pattern: '/dnc-groups/search',
      handle: ({ query }) => {
        const phoneNumber = query.get('phoneNumber');
        if (!phoneNumber) return adminError(400, 'InvalidParameter', 'phoneNumber is required.');
        const dncGroupRecords = [...state.dncRecords]
          .filter(([, numbers]) => numbers.has(phoneNumber))
          .map(([dncGroupId, numbers]) => ({ dncGroupId, phoneNumber, expiredDate: numbers.get(phoneNumber) ?? null }));
        return answer(200, { dncGroupRecords });
      },
    },
  ];
}
