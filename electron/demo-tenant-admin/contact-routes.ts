import { adminError, answer, pageAnswer, skipTopOf } from './answers';
import type { AdminApiTenantState } from './public-types';
import { isAnswer, numericId, type AdminRoute } from './router';

interface DispositionInfoBody {
  skill?: unknown;
  dispositionCode?: unknown;
  notes?: unknown;
  callbackNumber?: unknown;
  callbackTime?: unknown;
  commitmentAmount?: unknown;
}

const asNumber = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null);
const asText = (value: unknown) => (typeof value === 'string' ? value : null);

/** Supervisor dispositions and contacts in progress. */
export function contactRoutes(state: AdminApiTenantState): AdminRoute[] {
  const contactOf = (raw: string | undefined) => {
    const id = numericId(raw, 'contactId');
    if (isAnswer(id)) return id;
    return state.contacts.get(id) ?? adminError(404, 'NotFound', `Contact ${id} does not exist.`);
  };
  return [
    {
      method: 'POST',
      pattern: '/contacts/:contactId/set-disposition',
      handle: ({ params, body }) => {
        const contact = contactOf(params.contactId);
        if (isAnswer(contact)) return contact;
        const info = (typeof body === 'object' && body !== null ? (body as { dispositionInfo?: DispositionInfoBody }).dispositionInfo : undefined) ?? null;
        if (!info) return adminError(400, 'InvalidRequest', 'The body needs dispositionInfo.');
        const skillId = asNumber(info.skill);
        const code = asNumber(info.dispositionCode);
        if (skillId === null || code === null) return adminError(400, 'InvalidRequest', 'dispositionInfo needs skill and dispositionCode.');
        if (skillId !== contact.skillId) return adminError(400, 'InvalidRequest', `Contact ${contact.contactId} was not handled on skill ${skillId}.`);
        const skill = state.skills.get(skillId);
        const disposition = skill?.dispositions.find((d) => d.dispositionId === code);
        if (!disposition) return adminError(400, 'InvalidDisposition', `Disposition ${code} is not assigned to skill ${skillId}.`);
        contact.disposition = {
          skill: skillId,
          dispositionCode: code,
          dispositionName: disposition.dispositionName,
          notes: asText(info.notes),
          callbackNumber: asText(info.callbackNumber),
          callbackTime: asText(info.callbackTime),
          commitmentAmount: typeof info.commitmentAmount === 'number' ? info.commitmentAmount : null,
        };
        return answer(202);
      },
    },
    {
      method: 'GET',
      pattern: '/contacts/:contactId/disposition',
      handle: ({ params }) => {
        const contact = contactOf(params.contactId);
        if (isAnswer(contact)) return contact;
        const info = contact.disposition;
        return answer(200, {
          contactId: contact.contactId,
          skillId: contact.skillId,
          dispositionCode: info?.dispositionCode ?? null,
          dispositionName: info?.dispositionName ?? null,
          notes: info?.notes ?? null,
          callbackNumber: info?.callbackNumber ?? null,
          callbackTime: info?.callbackTime ?? null,
          commitmentAmount: info?.commitmentAmount ?? null,
        });
      },
    },
    {
      method: 'GET',
      pattern: '/contacts/active',
      handle: ({ path, query }) => {
        const paging = skipTopOf(query);
        if (isAnswer(paging)) return paging;
        const skillId = query.get('skillId');
        const activeContacts = [...state.contacts.values()]
          .filter((contact) => contact.active && (skillId === null || String(contact.skillId) === skillId))
          .map((contact) => ({
            contactId: contact.contactId,
            skillId: contact.skillId,
            agentId: state.agentStates.find((agent) => agent.contactId === contact.contactId)?.agentId ?? null,
          }));
        return pageAnswer(path, 'activeContacts', activeContacts, paging);
      },
    },
  ];
}
