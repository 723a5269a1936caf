import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../shared/cxone/schemas';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import { attemptRow } from '../../../electron/dispositions/import/apply-row';
import { createContactPrefetch } from '../../../electron/dispositions/import/contact-prefetch';
import type { ImportContactsPort } from '../../../electron/dispositions/import/import-ports';

const contactOf = (campaignId: string, index: number, change: Partial<Contact> = {}): Contact => ({
  id: `${campaignId}-k${index}`,
  campaignId,
  phone: `+1512555${String(index).padStart(4, '0')}`,
  timezone: 'America/Chicago',
  state: 'PENDING',
  outcomeCode: null,
  agentId: null,
  dispositionTimestamp: null,
  version: 1,
  ...change,
});

/** A campaign of `size` contacts served 500 to a page; counts what was asked. */
function pagedCampaign(campaignId: string, size: number, options: { failAfterPages?: number } = {}) {
  const all = Array.from({ length: size }, (_, i) => contactOf(campaignId, i + 1));
  const asked = { pages: 0, gets: 0 };
  const port: ImportContactsPort = {
    async get(_campaignId, contactId) {
      asked.gets += 1;
      const found = all.find((c) => c.id === contactId);
      if (!found) throw new ConsoleFailure(consoleError('not_found', `Contact ${contactId} not found.`));
      return found;
    },
    async applyDisposition() {
      throw new Error('not used');
    },
    async *list(_campaignId, query) {
      const size = query?.pageSize ?? 50;
      for (let start = 0; start < all.length; start += size) {
        if (options.failAfterPages !== undefined && asked.pages >= options.failAfterPages) {
          throw new ConsoleFailure(consoleError('network', 'The tenant cannot be reached.'));
        }
        asked.pages += 1;
        yield* all.slice(start, start + size);
      }
    },
  };
  return { port, asked, all };
}

const wanted = (campaignId: string, indexes: number[]) => indexes.map((i) => ({ campaignId, contactId: `${campaignId}-k${i}` }));

describe('reading contacts a page at a time for an import', () => {
  it('pages through a campaign the file covers densely, once, and stops when every wanted contact is found', async () => {
    const { port, asked } = pagedCampaign('c1', 2000);
    const prefetch = createContactPrefetch(
      port,
      wanted(
        'c1',
        Array.from({ length: 900 }, (_, i) => i + 1),
      ),
    )!;
    const contacts = await Promise.all(Array.from({ length: 900 }, (_, i) => prefetch.take('c1', `c1-k${i + 1}`)));
    expect(contacts.every((c, i) => c?.id === `c1-k${i + 1}`)).toBe(true);
    expect(asked.pages).toBe(2);
  });

  it('reads at most two pages of a huge campaign the file barely touches', async () => {
    const { port, asked } = pagedCampaign('c1', 20_000);
    const prefetch = createContactPrefetch(port, wanted('c1', [700, 9000, 15000]))!;
    expect(await prefetch.take('c1', 'c1-k9000')).toBeNull();
    expect((await prefetch.take('c1', 'c1-k700'))?.id).toBe('c1-k700');
    expect(asked.pages).toBe(2);
  });

  it('finds wanted contacts beyond the first page', async () => {
    const { port, asked } = pagedCampaign('c1', 1000);
    const rows = Array.from({ length: 300 }, (_, i) => 600 + i);
    const prefetch = createContactPrefetch(port, wanted('c1', rows))!;
    expect((await prefetch.take('c1', 'c1-k650'))?.id).toBe('c1-k650');
    expect(asked.pages).toBe(2);
  });

  it('hands each contact out once, so a retry reads it fresh', async () => {
    const { port } = pagedCampaign('c1', 10);
    const prefetch = createContactPrefetch(port, wanted('c1', [1, 2, 3]))!;
    expect((await prefetch.take('c1', 'c1-k2'))?.id).toBe('c1-k2');
    expect(await prefetch.take('c1', 'c1-k2')).toBeNull();
  });

  it('keeps what it read when the tenant fails mid-way; the rest is read one by one', async () => {
    const { port } = pagedCampaign('c1', 1500, { failAfterPages: 1 });
    const prefetch = createContactPrefetch(port, wanted('c1', [10, 1200]))!;
    expect((await prefetch.take('c1', 'c1-k10'))?.id).toBe('c1-k10');
    expect(await prefetch.take('c1', 'c1-k1200')).toBeNull();
  });

  it('is not used without a list call on the port', () => {
    const { port } = pagedCampaign('c1', 10);
    const { list: _list, ...withoutList } = port;
    expect(createContactPrefetch(withoutList, wanted('c1', [1, 2]))).toBeNull();
  });
});

describe('a row decided on a page read', () => {
  const row = {
    line: 2,
    campaignId: 'c1',
    contactId: 'c1-k1',
    outcomeCode: 'INTERESTED',
    agentId: 'agent-1',
    dispositionTimestamp: '2026-11-20T15:00:00.000Z',
  };
  const portReturning = (fresh: Contact) => {
    const calls = { gets: 0, patches: 0 };
    const port: ImportContactsPort = {
      async get() {
        calls.gets += 1;
        return fresh;
      },
      async applyDisposition() {
        calls.patches += 1;
        return { ...fresh, outcomeCode: row.outcomeCode };
      },
    };
    return { port, calls };
  };
  const attempt = (port: ImportContactsPort, prefetched: Contact, wasSent = false) =>
    attemptRow(port, row, { prefetched, wasSent, beforeSend: async () => undefined });

  it('writes straight away when the page shows a free contact with another outcome', async () => {
    const { port, calls } = portReturning(contactOf('c1', 1));
    expect((await attempt(port, contactOf('c1', 1))).kind).toBe('applied');
    expect(calls).toEqual({ gets: 0, patches: 1 });
  });

  it('reads the contact again before calling a row a no-op', async () => {
    const { port, calls } = portReturning(contactOf('c1', 1, { outcomeCode: 'NO_ANSWER' }));
    const result = await attempt(port, contactOf('c1', 1, { outcomeCode: 'INTERESTED' }));
    expect(result.kind).toBe('applied');
    expect(calls).toEqual({ gets: 1, patches: 1 });
  });

  it('reads the contact again when the page showed it busy, or when an earlier try may have landed', async () => {
    const busy = portReturning(contactOf('c1', 1));
    expect((await attempt(busy.port, contactOf('c1', 1, { state: 'CONNECTED' }))).kind).toBe('applied');
    expect(busy.calls.gets).toBe(1);
    const resumed = portReturning(contactOf('c1', 1));
    await attempt(resumed.port, contactOf('c1', 1), true);
    expect(resumed.calls.gets).toBe(1);
  });
});
