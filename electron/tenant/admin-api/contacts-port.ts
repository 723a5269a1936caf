import * as z from 'zod';
import type { Contact } from '../../../shared/cxone/schemas';
import type { OutcomeDispositionMapping } from '../../../shared/tenant/outcome-disposition-mapping';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { ContractHttp } from '../contract/contract-http';
import type { ContactsPort } from '../ports';
import { dispositionMatchesOutcome, outcomeCodeOfDispositionName } from './assumptions';
import { dispositionReadBackSchema, type SkillDisposition } from './admin-schemas';
import { notAvailable } from './failures';
import { readDialingSkill } from './skills-client';
import { versionless } from './skill-campaign';

const contactPath = (contactId: string) => `/contacts/${encodeURIComponent(contactId)}`;

const listed = (dispositions: readonly SkillDisposition[]) => dispositions.map((d) => d.dispositionName).join(', ') || 'none';

/**
 * Contacts are read and dispositioned one by one: supervisor set-disposition, read back after.
 * `mapping()` is the tenant's outcome → disposition mapping from Settings (read at each row);
 * a code it does not name is matched to a disposition by name.
 */
export function adminContacts(http: ContractHttp, mapping: () => OutcomeDispositionMapping = () => ({})): ContactsPort {
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

  /** The skill's disposition for an outcome code: the mapped one, else the one its name spells. */
  const dispositionFor = (campaignId: string, outcomeCode: string, dispositions: readonly SkillDisposition[]): SkillDisposition => {
    const mappedId = mapping()[outcomeCode];
    if (mappedId !== undefined) {
      const mapped = dispositions.find((candidate) => candidate.dispositionId === mappedId);
      if (mapped) return mapped;
      throw new ConsoleFailure(
        consoleError(
          'validation',
          `Outcome ${outcomeCode} is mapped in Settings to disposition ${mappedId}, which campaign (skill) ${campaignId} does not have; its dispositions are ${listed(dispositions)}. Correct the mapping in Settings.`,
          { target: `outcomeCode ${outcomeCode}` },
        ),
      );
    }
    const byName = dispositions.find((candidate) => dispositionMatchesOutcome(candidate.dispositionName, outcomeCode));
    if (byName) return byName;
    throw new ConsoleFailure(
      consoleError(
        'validation',
        `Campaign (skill) ${campaignId} has no disposition for outcome ${outcomeCode}; its dispositions are ${listed(dispositions)}. Map the outcome to one in Settings.`,
        { target: `outcomeCode ${outcomeCode}` },
      ),
    );
  };

  /** The outcome code a set disposition stands for: the code mapped to it, else the one its name spells. */
  const outcomeOf = (dispositionId: string | null | undefined, dispositionName: string) => {
    const mapped = Object.entries(mapping()).find(([, id]) => id === dispositionId);
    return mapped ? mapped[0] : outcomeCodeOfDispositionName(dispositionName);
  };

  const read = async (campaignId: string, contactId: string, signal?: AbortSignal) => {
    const resource = `contact ${contactId}`;
    const answer = await http.request({
      operation: { name: `read the disposition of contact ${contactId}`, method: 'GET', path: `${contactPath(contactId)}/disposition`, resource },
      schema: dispositionReadBackSchema,
      signal,
    });
    if (answer.skillId !== undefined && answer.skillId !== null && answer.skillId !== campaignId) {
      throw new ConsoleFailure(
        consoleError(
          'not_found',
          `Contact ${contactId} was handled on skill ${answer.skillId}, not on campaign ${campaignId}; check the file's campaign column.`,
          {
            target: `GET ${contactPath(contactId)}/disposition`,
          },
        ),
      );
    }
    const dispositioned = answer.dispositionCode !== undefined && answer.dispositionCode !== null;
    const contact: Contact = {
      id: contactId,
      campaignId,
      // The Admin API's disposition read-back names no phone, time zone, agent or time.
      phone: '',
      timezone: 'UTC',
      state: dispositioned ? 'DONE' : 'PENDING',
      outcomeCode: dispositioned && answer.dispositionName ? outcomeOf(answer.dispositionCode, answer.dispositionName) : null,
      agentId: null,
      dispositionTimestamp: null,
      version: versionless,
    };
    return { contact, dispositionId: dispositioned ? answer.dispositionCode : null };
  };
  const get = async (campaignId: string, contactId: string, signal?: AbortSignal): Promise<Contact> => (await read(campaignId, contactId, signal)).contact;

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
      const disposition = dispositionFor(campaignId, patch.outcomeCode, dispositions);
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
      const readBack = await read(campaignId, contactId, signal);
      // The read-back names the disposition; the outcome the caller asked for is what it stands for.
      return readBack.dispositionId === disposition.dispositionId ? { ...readBack.contact, outcomeCode: patch.outcomeCode } : readBack.contact;
    },
  };
}
