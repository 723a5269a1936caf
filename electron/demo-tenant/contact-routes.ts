import { busyContactStates, contactStates, dispositionPatchSchema, type ContactState } from '../../shared/cxone/schemas';
import { answer, apiError, checkBody, notFound, type DemoAnswer } from './answers';
import { pageAnswer } from './pagination';
import type { DemoContact, DemoTenantState } from './public-types';
import type { DemoRequest, Route } from './router';

export interface ContactRouteDependencies {
  state: DemoTenantState;
  /** The DNC list a DO_NOT_CALL disposition adds the number to, as a tenant's opt-out list would. */
  optOutListId: string;
}

const base = '/api/v2/outbound/campaigns/:campaignId/contacts';

export function recordOptOut(state: DemoTenantState, listId: string, phone: string): void {
  const numbers = state.dncNumbers.get(listId);
  const list = state.dncLists.get(listId);
  if (!numbers || !list) return;
  numbers.add(phone);
  list.recordCount = numbers.size;
}

export function contactRoutes(deps: ContactRouteDependencies): Route[] {
  const { state } = deps;

  const contactsOf = (request: DemoRequest) => state.contacts.get(request.params.campaignId ?? '');

  const list = (request: DemoRequest): DemoAnswer => {
    const campaignId = request.params.campaignId ?? '';
    const contacts = contactsOf(request);
    if (!contacts || !state.campaigns.has(campaignId)) return notFound('Campaign', campaignId);
    const wanted = request.query.get('state');
    if (wanted && !(contactStates as readonly string[]).includes(wanted)) {
      return apiError(400, 'INVALID_VALUE', `Unknown contact state ${wanted}; use ${contactStates.join(', ')}.`, 'state');
    }
    const all = [...contacts.values()];
    return pageAnswer(request.query, wanted ? all.filter((contact) => contact.state === wanted) : all, (contact) => contact);
  };

  const findContact = (request: DemoRequest): { ok: true; contact: DemoContact } | { ok: false; answer: DemoAnswer } => {
    const campaignId = request.params.campaignId ?? '';
    const contacts = contactsOf(request);
    if (!contacts || !state.campaigns.has(campaignId)) return { ok: false, answer: notFound('Campaign', campaignId) };
    const contact = contacts.get(request.params.contactId ?? '');
    if (!contact) return { ok: false, answer: notFound('Contact', request.params.contactId ?? '') };
    return { ok: true, contact };
  };

  const read = (request: DemoRequest): DemoAnswer => {
    const found = findContact(request);
    return found.ok ? answer(200, found.contact) : found.answer;
  };

  const dispose = (request: DemoRequest): DemoAnswer => {
    const found = findContact(request);
    if (!found.ok) return found.answer;
    const body = checkBody(request.body, dispositionPatchSchema);
    if (!body.ok) return body.answer;
    const outcomes = new Set([...state.wrapUpCodes.values()].map((code) => code.outcomeCode));
    if (!outcomes.has(body.value.outcomeCode)) {
      return apiError(
        422,
        'UNKNOWN_OUTCOME',
        `Outcome ${body.value.outcomeCode} is not in this tenant's outcome matrix (${[...outcomes].join(', ')}).`,
        'outcomeCode',
      );
    }
    const contact = found.contact;
    if ((busyContactStates as readonly ContactState[]).includes(contact.state)) {
      return apiError(409, 'CONTACT_BUSY', `Contact ${contact.id} is ${contact.state} with the dialer; try again after the call ends.`);
    }
    contact.state = 'DONE';
    contact.outcomeCode = body.value.outcomeCode;
    contact.agentId = body.value.agentId;
    contact.dispositionTimestamp = body.value.dispositionTimestamp;
    contact.version += 1;
    if (body.value.notes !== undefined) contact.notes = body.value.notes;
    if (body.value.customFields !== undefined) contact.customFields = body.value.customFields;
    if (contact.outcomeCode === 'DO_NOT_CALL') recordOptOut(state, deps.optOutListId, contact.phone);
    return answer(200, contact);
  };

  return [
    { method: 'GET', pattern: base, scope: 'outbound:campaign:read', handle: list },
    { method: 'GET', pattern: `${base}/:contactId`, scope: 'outbound:campaign:read', handle: read },
    { method: 'PATCH', pattern: `${base}/:contactId`, scope: 'outbound:disposition:write', handle: dispose },
  ];
}
