import { busyContactStates, type Contact, type DispositionPatch } from '../../../shared/cxone/schemas';
import type { ImportRow } from '../../../shared/dispositions/import-job';
import { describeError, toConsoleError, type ConsoleError } from '../../../shared/errors';
import type { ImportContactsPort } from './import-ports';

export type RowAttempt =
  | { kind: 'applied'; latencyMs: number; contact: Contact; recovered: boolean }
  | { kind: 'noop'; latencyMs: number; reason: string }
  | { kind: 'busy'; reason: string }
  | { kind: 'unreachable'; error: ConsoleError }
  | { kind: 'failed'; latencyMs: number; reason: string };

const sameInstant = (a: string | null, b: string) => a !== null && Date.parse(a) === Date.parse(b);

export const patchOf = (row: ImportRow): DispositionPatch => ({
  outcomeCode: row.outcomeCode,
  agentId: row.agentId,
  dispositionTimestamp: row.dispositionTimestamp,
  ...(row.notes !== undefined && row.notes !== '' ? { notes: row.notes } : {}),
  ...(row.customFields && Object.keys(row.customFields).length > 0 ? { customFields: row.customFields } : {}),
});

/** Failures the client already retried that mean "the tenant cannot be reached now", not "this row is wrong". */
const isUnreachable = (error: ConsoleError) =>
  error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'rate_limited' || error.kind === 'authentication';

const isBusy = (error: ConsoleError) => error.code === 'CONTACT_BUSY';

function classify(error: ConsoleError, row: ImportRow, latencyMs: number): RowAttempt {
  if (isBusy(error)) return { kind: 'busy', reason: error.message };
  if (isUnreachable(error)) return { kind: 'unreachable', error };
  if (error.kind === 'not_found') {
    return { kind: 'failed', latencyMs, reason: `Contact ${row.contactId} does not exist in campaign ${row.campaignId}; check both ids.` };
  }
  return { kind: 'failed', latencyMs, reason: describeError(error) };
}

/**
 * One try at one row: read the contact first (does it exist, is the dialer working it,
 * does it already have this outcome), then PATCH. A contact the dialer takes between the
 * read and the PATCH is answered CONTACT_BUSY and retried later. `wasSent` says an earlier try may
 * have reached the tenant: a contact already showing exactly this disposition then
 * counts as applied (by that try), not as a no-op.
 */
export async function attemptRow(
  contacts: ImportContactsPort,
  row: ImportRow,
  options: {
    wasSent: boolean;
    beforeSend: () => Promise<void>;
    now?: () => number;
    /** The contact as read with its campaign's pages moments ago, if it was. */
    prefetched?: Contact | null;
  },
): Promise<RowAttempt> {
  const now = options.now ?? performance.now.bind(performance);
  const started = now();
  // A page read only ever leads straight to a write; anything that would skip the row or
  // wait (busy, same outcome, an earlier try that may have landed) is decided on a fresh read.
  const pageRead = options.prefetched;
  let contact: Contact;
  if (pageRead && !options.wasSent && !busyContactStates.includes(pageRead.state) && pageRead.outcomeCode !== row.outcomeCode) {
    contact = pageRead;
  } else {
    try {
      contact = await contacts.get(row.campaignId, row.contactId);
    } catch (thrown) {
      return classify(toConsoleError(thrown), row, now() - started);
    }
  }
  if (busyContactStates.includes(contact.state)) {
    return { kind: 'busy', reason: `Contact ${row.contactId} is ${contact.state} with the dialer.` };
  }
  if (contact.outcomeCode === row.outcomeCode) {
    if (options.wasSent && sameInstant(contact.dispositionTimestamp, row.dispositionTimestamp) && contact.agentId === row.agentId) {
      return { kind: 'applied', latencyMs: now() - started, contact, recovered: true };
    }
    return { kind: 'noop', latencyMs: now() - started, reason: `Contact already has outcome ${row.outcomeCode}; nothing to change.` };
  }
  await options.beforeSend();
  try {
    const updated = await contacts.applyDisposition(row.campaignId, row.contactId, patchOf(row));
    return { kind: 'applied', latencyMs: now() - started, contact: updated, recovered: false };
  } catch (thrown) {
    return classify(toConsoleError(thrown), row, now() - started);
  }
}
