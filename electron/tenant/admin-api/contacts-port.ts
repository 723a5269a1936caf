import { z } from 'zod';
import type { Contact } from '../../../shared/cxone/schemas';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { ContractHttp } from '../contract/contract-http';
import type { ContactsPort } from '../ports';
import { dispositionMatchesOutcome, outcomeCodeOfDispositionName } from './assumptions';
import { dispositionReadBackSchema, type SkillDisposition } from './admin-schemas';
import { notAvailable } from './failures';
import { readDialingSkill } from './skills-client';
import { versionless } from './skill-campaign';

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

/** Contacts are read and dispositioned one by one: supervisor set-disposition, read back after. */
export function adminContacts(http: ContractHttp): ContactsPort {
  const dispositionsOf = new Map<string, Promise<SkillDisposition[]>>();
  const skillDispositions = (skillId: string, signal?: AbortSignal) => {
    let known = dispositionsOf.get(skillId);
    if (!known) {
      known = readDialingSkill(http, skillId, signal).then((skill) => skill.dispositions);
      known.catch(() => dispositionsOf.delete(skillId));
      dispositionsOf.set(skillId, known);
    }
    return known;
  };

  const get = async (campaignId: string, contactId: string, signal?: AbortSignal): Promise<Contact> => {
    const resource = `contact ${contactId}`;
    const read = await http.request({
      operation: { name: `read the disposition of contact ${contactId}`, method: 'GET', path: `${contactPath(contactId)}/disposition`, resource },
      schema: dispositionReadBackSchema,
      signal,
    });
    if (read.skillId !== undefined && read.skillId !== null && read.skillId !== campaignId) {
      throw new ConsoleFailure(
        consoleError(
          'not_found',
          `Contact ${contactId} was handled on skill ${read.skillId}, not on campaign ${campaignId}; check the file's campaign column.`,
          {
            target: `GET ${contactPath(contactId)}/disposition`,
          },
        ),
      );
    }
    const dispositioned = read.dispositionCode !== undefined && read.dispositionCode !== null;
    return {
      id: contactId,
      campaignId,
      // The Admin API's disposition read-back names no phone, time zone, agent or time.
      phone: '',
      timezone: 'UTC',
      state: dispositioned ? 'DONE' : 'PENDING',
      outcomeCode: dispositioned && read.dispositionName ? outcomeCodeOfDispositionName(read.dispositionName) : null,
      agentId: null,
      dispositionTimestamp: null,
      version: versionless,
    };
  };

  return {
    list() {
      return (async function* (): AsyncGenerator<Contact> {
        yield* [];
        throw new ConsoleFailure(
          notAvailable("Listing a campaign's contacts", 'the Admin API lists only contacts in progress (/contacts/active); contacts are read one by one'),
        );
      })();
    },
    get,
    async applyDisposition(campaignId, contactId, patch, signal) {
      const dispositions = await skillDispositions(campaignId, signal);
      const disposition = dispositions.find((candidate) => dispositionMatchesOutcome(candidate.dispositionName, patch.outcomeCode));
      if (!disposition) {
        throw new ConsoleFailure(
          consoleError(
            'validation',
            `Campaign (skill) ${campaignId} has no disposition for outcome ${patch.outcomeCode}; its dispositions are ${dispositions.map((d) => d.dispositionName).join(', ') || 'none'}.`,
            { target: `outcomeCode ${patch.outcomeCode}` },
          ),
        );
      }
      await http.request({
        operation: {
          name: `record disposition ${patch.outcomeCode} for contact ${contactId}`,
          method: 'POST',
          path: `${contactPath(contactId)}/set-disposition`,
          resource: `contact ${contactId}`,
        },
        schema: z.unknown(),
        json: {
          dispositionInfo: {
            skill: Number(campaignId),
            dispositionCode: Number(disposition.dispositionId),
            ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
          },
        },
        acceptsEmptyBody: true,
        signal,
      });
      const readBack = await get(campaignId, contactId, signal);
      // The read-back names the disposition; the outcome the caller asked for is what it stands for.
      return readBack.outcomeCode !== null && dispositionMatchesOutcome(disposition.dispositionName, readBack.outcomeCode)
        ? { ...readBack, outcomeCode: patch.outcomeCode }
        : readBack;
    },
  };
}
