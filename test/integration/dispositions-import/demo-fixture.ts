import type { DemoContact, DemoTenantHandle } from '../../../electron/demo-tenant/index';

/** Contacts of the seeded demo tenant picked by state, so a test file names real ids. */
export function pickContacts(tenant: DemoTenantHandle, wanted: { state: DemoContact['state']; count: number; withOutcome?: boolean }): DemoContact[] {
  const picked: DemoContact[] = [];
  for (const contacts of tenant.state.contacts.values()) {
    for (const contact of contacts.values()) {
      if (contact.state !== wanted.state) continue;
      if (wanted.withOutcome && contact.outcomeCode === null) continue;
      picked.push(contact);
      if (picked.length === wanted.count) return picked;
    }
  }
  throw new Error(`the demo tenant has fewer than ${wanted.count} ${wanted.state} contacts`);
}

export const csvHeader = 'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes';

export const csvLine = (contact: Pick<DemoContact, 'campaignId' | 'id'>, outcome: string, timestamp = '2026-11-20T15:00:00Z', notes = '') =>
  [contact.campaignId, contact.id, outcome, 'agent-007', timestamp, notes.includes(',') ? `"${notes}"` : notes].join(',');

export const outcomesCycle = ['INTERESTED', 'NOT_INTERESTED', 'CALLBACK_LATER', 'NO_ANSWER'];

/** Waits for a condition the test cannot await directly (a run's state), polling the state, not the clock. */
export async function until(condition: () => boolean, what: string, limitMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > limitMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
