import { e164Pattern } from '../../shared/cxone/schemas';
import { answer, apiError, notFound, type DemoAnswer } from './answers';
import { pageAnswer } from './pagination';
import type { DemoTenantState } from './public-types';
import type { DemoRequest, Route } from './router';

const outbound = '/api/v2/outbound';

/** Contact lists, wrap-up codes and DNC lists (§4.5): what campaign definitions refer to. */
export function referenceRoutes(state: DemoTenantState): Route[] {
  const listOf =
    <T>(items: () => Map<string, T>) =>
    (request: DemoRequest): DemoAnswer =>
      pageAnswer(request.query, [...items().values()], (item) => item);

  const oneOf =
    <T>(what: string, items: () => Map<string, T>) =>
    (request: DemoRequest): DemoAnswer => {
      const id = request.params.id ?? '';
      const item = items().get(id);
      return item ? answer(200, item) : notFound(what, id);
    };

  const dncNumber = (request: DemoRequest): DemoAnswer => {
    const id = request.params.id ?? '';
    const e164 = request.params.e164 ?? '';
    const numbers = state.dncNumbers.get(id);
    if (!numbers || !state.dncLists.has(id)) return notFound('DNC list', id);
    if (!e164Pattern.test(e164)) return apiError(400, 'INVALID_VALUE', `${e164} is not an E.164 phone number such as +15125550100.`, 'e164');
    if (!numbers.has(e164)) return apiError(404, 'NUMBER_NOT_LISTED', `${e164} is not on DNC list ${id}.`);
    return answer(200, { dncListId: id, phoneNumber: e164, listed: true });
  };

  return [
    { method: 'GET', pattern: `${outbound}/contact-lists`, scope: 'outbound:contactlist:read', handle: listOf(() => state.contactLists) },
    { method: 'GET', pattern: `${outbound}/contact-lists/:id`, scope: 'outbound:contactlist:read', handle: oneOf('Contact list', () => state.contactLists) },
    { method: 'GET', pattern: `${outbound}/wrap-up-codes`, scope: 'outbound:campaign:read', handle: listOf(() => state.wrapUpCodes) },
    { method: 'GET', pattern: `${outbound}/wrap-up-codes/:id`, scope: 'outbound:campaign:read', handle: oneOf('Wrap-up code', () => state.wrapUpCodes) },
    { method: 'GET', pattern: `${outbound}/dnc-lists`, scope: 'outbound:dnc:read', handle: listOf(() => state.dncLists) },
    { method: 'GET', pattern: `${outbound}/dnc-lists/:id`, scope: 'outbound:dnc:read', handle: oneOf('DNC list', () => state.dncLists) },
    { method: 'GET', pattern: `${outbound}/dnc-lists/:id/numbers/:e164`, scope: 'outbound:dnc:read', handle: dncNumber },
  ];
}
