import type { Contact, DispositionPatch } from '../../../shared/cxone/schemas';
import type { ImportRow } from '../../../shared/dispositions/import-job';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { ImportContactsPort } from '../../../electron/dispositions/import/import-ports';

/**
 * An in-memory stand-in for the contacts port, for the engine's decisions only
 * (the integration tests run the same engine against the demo tenant over HTTP).
 */
export function fakeContacts(count: number) {
  const contacts = new Map<string, Contact>();
  for (let i = 1; i <= count; i++) {
    contacts.set(`k-${i}`, {
      id: `k-${i}`,
      campaignId: 'c-1',
      phone: `+1512555${String(i).padStart(4, '0')}`,
      timezone: 'America/Chicago',
      state: 'PENDING',
      outcomeCode: null,
      agentId: null,
      dispositionTimestamp: null,
      version: 1,
    });
  }
  const patches = new Map<string, number>();
  /** contactId -> how many more reads/PATCHes see it busy. */
  const busyFor = new Map<string, number>();
  let unreachable = false;
  let gate: Promise<void> | null = null;

  const find = (campaignId: string, contactId: string) => {
    if (unreachable) throw new ConsoleFailure(consoleError('network', 'The tenant cannot be reached.'));
    const contact = contacts.get(contactId);
    if (!contact || contact.campaignId !== campaignId) throw new ConsoleFailure(consoleError('not_found', `Contact ${contactId} not found.`, { status: 404 }));
    return contact;
  };

  const port: ImportContactsPort = {
    async get(campaignId, contactId) {
      await gate;
      const contact = find(campaignId, contactId);
      const busy = busyFor.get(contactId) ?? 0;
      if (busy > 0) {
        busyFor.set(contactId, busy - 1);
        return { ...contact, state: 'CONNECTED' };
      }
      return { ...contact };
    },
    async applyDisposition(campaignId, contactId, patch: DispositionPatch) {
      await gate;
      const contact = find(campaignId, contactId);
      patches.set(contactId, (patches.get(contactId) ?? 0) + 1);
      Object.assign(contact, {
        outcomeCode: patch.outcomeCode,
        agentId: patch.agentId,
        dispositionTimestamp: patch.dispositionTimestamp,
        state: 'DONE',
        version: contact.version + 1,
      });
      return { ...contact };
    },
  };
  return {
    port,
    contacts,
    patches,
    busyFor,
    setUnreachable(value: boolean) {
      unreachable = value;
    },
    /** Holds every call until the returned release is called. */
    hold() {
      let release = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = null;
          resolve();
        };
      });
      return release;
    },
  };
}

export const rowsFor = (count: number, outcomeCode = 'INTERESTED'): ImportRow[] =>
  Array.from({ length: count }, (_, i) => ({
    line: i + 2,
    campaignId: 'c-1',
    contactId: `k-${i + 1}`,
    outcomeCode,
    agentId: 'agent-7',
    dispositionTimestamp: '2026-11-20T15:00:00Z',
  }));
