import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { DemoContact, DemoTenantHandle } from './index';

export interface DemoSampleFile {
  path: string;
  rows: number;
}

const outcomes = ['INTERESTED', 'NOT_INTERESTED', 'CALLBACK_LATER', 'NO_ANSWER', 'BUSY'];
const notes = ['Asked for a brochure', 'Call back after 5pm, "not before"', 'Spoke to spouse', '', 'Left voicemail, will retry'];

function pick(handle: DemoTenantHandle, state: DemoContact['state'], count: number, skip: ReadonlySet<string>, withOutcome = false): DemoContact[] {
  const found: DemoContact[] = [];
  for (const contacts of handle.state.contacts.values()) {
    for (const contact of contacts.values()) {
      if (found.length === count) return found;
      if (contact.state !== state || skip.has(contact.id) || (withOutcome && contact.outcomeCode === null)) continue;
      found.push(contact);
    }
  }
  return found;
}

/**
 * A disposition file made from the demo tenant's own contacts, so a new user can try an
 * import in the first minute: 200 rows to apply plus one of each thing the import must
 * handle (an outcome the tenant does not know, a contact twice, an opt-out, a contact
 * already so, a contact on a call). Written to `dir`, returned as a path to open.
 */
export async function writeDemoSampleFile(handle: DemoTenantHandle, dir: string, now = new Date()): Promise<DemoSampleFile> {
  const used = new Set<string>();
  const take = (state: DemoContact['state'], count: number, withOutcome = false) => {
    const contacts = pick(handle, state, count, used, withOutcome);
    for (const contact of contacts) used.add(contact.id);
    return contacts;
  };
  const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const row = (contact: DemoContact, outcome: string, minutesAgo: number, note = '') => ({
    campaign_id: contact.campaignId,
    contact_id: contact.id,
    outcome_code: outcome,
    agent_id: `agent-${String((minutesAgo % 12) + 1).padStart(3, '0')}`,
    disposition_timestamp: at(minutesAgo),
    notes: note,
  });

  const pending = take('PENDING', 204);
  const rows = pending.slice(0, 200).map((contact, i) => row(contact, outcomes[i % outcomes.length]!, 240 - i, notes[i % notes.length]));
  const [unknown, twice, optOut, spare] = pending.slice(200);
  if (unknown) rows.push(row(unknown, 'MAYBE', 30, 'typed from a paper call sheet'));
  if (twice) rows.push(row(twice, 'NO_ANSWER', 25), row(twice, 'INTERESTED', 20, 'called back and agreed'));
  if (optOut) rows.push(row(optOut, 'DO_NOT_CALL', 15, 'asked never to be called again'));
  const [already] = take('DONE', 1, true);
  if (already?.outcomeCode) rows.push(row(already, already.outcomeCode, 10));
  const [onCall] = take('CONNECTED', 1);
  if (onCall) rows.push(row(onCall, 'CALLBACK_LATER', 5, 'still on the line when typed'));
  if (spare) rows.push(row(spare, 'INTERESTED', 1));

  await mkdir(dir, { recursive: true });
  const path = join(dir, `demo-dispositions-${now.toISOString().slice(0, 10)}.csv`);
  await writeFile(path, stringify(rows, { header: true, record_delimiter: 'windows' }), { mode: 0o600 });
  return { path, rows: rows.length };
}
