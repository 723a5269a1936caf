import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoContact, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from '../cli/cli-io';
import { pickContacts } from './demo-fixture';

const corpus = (name: string) => fileURLToPath(new URL(`../../fixtures/dispositions/${name}`, import.meta.url));

interface Expected {
  outcomeCode: string;
  agentId: string;
  dispositionTimestamp: string;
  notes?: string;
  customFields?: Record<string, string>;
}

const at = (minute: number) => `2026-11-20T15:0${minute}:00.000Z`;
const interested = (notes: string, extra: Partial<Expected> = {}): Expected => ({
  outcomeCode: 'INTERESTED',
  agentId: 'agent-1',
  dispositionTimestamp: at(0),
  notes,
  ...extra,
});

/** What each contact of each corpus file must hold afterwards, value by value: the file's values after decoding. */
const corpusFiles: { name: string; expected: Expected[]; warnings?: RegExp[] }[] = [
  {
    name: 'corpus/commas-and-quotes.csv',
    expected: [
      { outcomeCode: 'INTERESTED', agentId: 'agent-1', dispositionTimestamp: at(0), notes: 'a, b, and c' },
      { outcomeCode: 'NOT_INTERESTED', agentId: 'agent-2', dispositionTimestamp: at(1), notes: 'she said "no", twice' },
      { outcomeCode: 'CALLBACK_LATER', agentId: 'agent-3', dispositionTimestamp: at(2) },
      { outcomeCode: 'NO_ANSWER', agentId: 'agent-4', dispositionTimestamp: at(3), notes: '"quoted"' },
      { outcomeCode: 'BUSY', agentId: 'agent-5', dispositionTimestamp: at(4), notes: '5" tall' },
    ],
  },
  {
    name: 'corpus/quoted-newlines.csv',
    expected: [
      interested('line1\nline2'),
      interested('line1\r\nline2'),
      interested('lone\rcarriage return'),
      interested('mixed\r\nall\nthree\rkinds'),
      interested('after'),
    ],
  },
  {
    name: 'corpus/crlf-bom-no-final-newline.csv',
    expected: [
      { outcomeCode: 'CALLBACK_LATER', agentId: 'agent-9', dispositionTimestamp: '2026-11-20T14:00:00.000Z', notes: 'first\r\nsecond' },
      { outcomeCode: 'NO_ANSWER', agentId: 'agent-9', dispositionTimestamp: '2026-11-20T09:00:00.000Z', notes: 'plain' },
      { outcomeCode: 'INTERESTED', agentId: 'agent-9', dispositionTimestamp: '2026-11-20T11:00:00.000Z', notes: 'ends with a newline\r\n' },
    ],
  },
  {
    name: 'corpus/cr-line-endings.csv',
    expected: [interested('old Mac'), { outcomeCode: 'BUSY', agentId: 'agent-1', dispositionTimestamp: at(0), notes: 'kept\nLF inside' }],
  },
  {
    name: 'corpus/whitespace-and-unicode.csv',
    expected: [
      interested('  two leading spaces, one trailing ', { customFields: { region: ' north ' } }),
      interested('ends with a newline\n'),
      interested('\ttab first\tand inside\t'),
      interested('emoji 😀👍🏽 CJK 中文 日本語 RTL שלום مرحبا'),
      interested('zero\u200bwidth\u200d joiner \ufeffbom-in-text \ufffd replacement'),
      interested('ids with spaces'),
    ],
    warnings: [
      /^the contact ID in the file is " .+\\t", with spaces around it; it is sent as "[^ ]+"\.$/,
      /^the campaign ID in the file is " .+ "/,
      /^the outcome code in the file is " INTERESTED "/,
      /^the agent ID in the file is "agent-1 "/,
    ],
  },
  {
    name: 'corpus/windows-1252-early.csv',
    expected: [interested('Café au lait'), interested('Herr Müller – später, „gern“'), interested('Señor García ™ €5')],
  },
];

interface ImportDocument {
  counts: Record<string, number>;
  problems: { line: number; contact: string; result: string; reason: string }[];
  warnings: { line: number; contact: string; message: string }[];
}

describe('disposition files arrive at the tenant exactly as written (csv-spectrum style corpus, through the command line)', () => {
  let tenant: DemoTenantHandle;
  let dir: string;
  let env: Record<string, string>;
  let unused: DemoContact[];
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 6, contactsPerCampaign: 300 });
    dir = mkdtempSync(join(tmpdir(), 'dispo-corpus-'));
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret, CXONE_DATA_DIR: join(dir, 'data') };
    unused = pickContacts(tenant, { state: 'PENDING', count: 650 });
  });
  afterAll(async () => {
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `{campaign:n}`/`{contact:n}` replaced by the n-th of `contacts`; every other byte as committed. */
  const replaceTokens = (bytes: Buffer, contacts: DemoContact[]): Buffer => {
    // latin1 maps every byte to one character and back, so Windows-1252 and UTF-8 bytes survive untouched.
    const text = bytes.toString('latin1').replace(/\{(campaign|contact):(\d+)\}/g, (_, kind: string, n: string) => {
      while (contacts.length < Number(n)) contacts.push(unused.shift() as DemoContact);
      const contact = contacts[Number(n) - 1] as DemoContact;
      return kind === 'campaign' ? contact.campaignId : contact.id;
    });
    return Buffer.from(text, 'latin1');
  };
  const withContacts = (bytes: Buffer, name: string, contacts: DemoContact[] = []): { path: string; contacts: DemoContact[] } => {
    const path = join(dir, name.replaceAll('/', '-'));
    writeFileSync(path, replaceTokens(bytes, contacts));
    return { path, contacts };
  };

  const importFile = async (path: string, extra: string[] = []) => {
    const terminal = capturedIo(env);
    const code = await runCli(['dispositions', 'import', path, '--json', ...extra], terminal.io);
    return { code, terminal, document: terminal.stdout() ? (JSON.parse(terminal.stdout()) as ImportDocument) : null };
  };

  const expectArrived = (contact: DemoContact, expected: Expected, what: string) => {
    const stored = tenant.state.contacts.get(contact.campaignId)?.get(contact.id);
    expect(stored?.outcomeCode, `${what}: outcome`).toBe(expected.outcomeCode);
    expect(stored?.agentId, `${what}: agent`).toBe(expected.agentId);
    expect(stored?.dispositionTimestamp, `${what}: timestamp`).toBe(expected.dispositionTimestamp);
    expect(stored?.notes, `${what}: notes`).toBe(expected.notes);
    expect(stored?.customFields, `${what}: custom fields`).toEqual(expected.customFields);
  };

  it.each(corpusFiles)('$name: every value arrives as the file has it', async ({ name, expected, warnings }) => {
    const { path, contacts } = withContacts(readFileSync(corpus(name)), name);
    const { code, terminal, document } = await importFile(path);
    expect(terminal.stderr()).toBe('');
    expect(document?.counts).toMatchObject({ applied: expected.length, rejected: 0, failed: 0 });
    expect(code).toBe(0);
    expect(contacts).toHaveLength(expected.length);
    contacts.forEach((contact, index) => expectArrived(contact, expected[index] as Expected, `${name} row ${index + 1}`));
    const messages = (document?.warnings ?? []).map((warning) => warning.message.replace(/^Line \d+: /, ''));
    expect(messages).toHaveLength(warnings?.length ?? 0);
    warnings?.forEach((pattern, index) => expect(messages[index]).toMatch(pattern));
  });

  it('decides Windows-1252 on the whole file when the first accented character comes after 64 KiB', async () => {
    const padding = 'plain ASCII text only '.repeat(9);
    const filler = Array.from(
      { length: 300 },
      (_, i) => `{campaign:${i + 1}},{contact:${i + 1}},NO_ANSWER,agent-1,2026-11-20T14:00:00Z,filler row ${i + 1} ${padding}`,
    );
    const accented = Buffer.from('{campaign:301},{contact:301},INTERESTED,agent-1,2026-11-20T15:00:00Z,"Crème brûlée, Ærø & Ñandú"\n', 'latin1');
    const head = Buffer.from(`campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes\n${filler.join('\n')}\n`);
    expect(head.length).toBeGreaterThan(64 * 1024);
    const { path, contacts } = withContacts(Buffer.concat([head, accented]), 'late-1252.csv');
    const { code, document } = await importFile(path);
    expect(document?.counts).toMatchObject({ applied: 301, rejected: 0 });
    expect(code).toBe(0);
    expectArrived(contacts[300] as DemoContact, interested('Crème brûlée, Ærø & Ñandú'), 'late accent');
    expectArrived(
      contacts[0] as DemoContact,
      { outcomeCode: 'NO_ANSWER', agentId: 'agent-1', dispositionTimestamp: '2026-11-20T14:00:00.000Z', notes: `filler row 1 ${padding}` },
      'first row',
    );
  });

  it('reads UTF-8 characters that a 64 KiB read boundary splits in two', async () => {
    // A few ASCII characters in front shift every later byte until the 64 KiB boundary falls inside a character.
    let shift = 0;
    const notesOf = (i: number) => `${i === 1 ? 'x'.repeat(shift) : ''}${'€😀中'.repeat(30 + (i % 7))} row ${i}`;
    const fileText = () =>
      `campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes\n${Array.from({ length: 250 }, (_, n) => `{campaign:${n + 1}},{contact:${n + 1}},INTERESTED,agent-1,2026-11-20T15:00:00Z,"${notesOf(n + 1)}"`).join('\n')}\n`;
    const splitsAt = (bytes: Buffer, boundary: number) => boundary < bytes.length && ((bytes[boundary] as number) & 0xc0) === 0x80;
    const picked: DemoContact[] = [];
    while (!splitsAt(replaceTokens(Buffer.from(fileText()), picked), 65_536)) shift += 1;
    const { path, contacts } = withContacts(Buffer.from(fileText()), 'split-utf8.csv', picked);
    expect(splitsAt(readFileSync(path), 65_536)).toBe(true);
    const { code } = await importFile(path);
    expect(code).toBe(0);
    contacts.forEach((contact, index) => expectArrived(contact, interested(notesOf(index + 1)), `split row ${index + 1}`));
  });
});
