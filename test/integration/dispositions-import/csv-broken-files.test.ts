import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoContact, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from '../cli/cli-io';
import { pickContacts } from './demo-fixture';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/dispositions/broken/${name}`, import.meta.url));
const header = 'campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes';

interface ImportDocument {
  counts: Record<string, number>;
  problems: { line: number; contact: string; result: string; reason: string }[];
}

describe('every broken disposition file gets one true sentence and the exit code the README promises', () => {
  let tenant: DemoTenantHandle;
  let dir: string;
  let env: Record<string, string>;
  let unused: DemoContact[];
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 4, contactsPerCampaign: 60 });
    dir = mkdtempSync(join(tmpdir(), 'dispo-broken-'));
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret, CXONE_DATA_DIR: join(dir, 'data') };
    unused = pickContacts(tenant, { state: 'PENDING', count: 60 });
  });
  afterAll(async () => {
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const withContacts = (name: string, bytes: Buffer): { path: string; contacts: DemoContact[] } => {
    const contacts: DemoContact[] = [];
    const text = bytes.toString('latin1').replace(/\{(campaign|contact):(\d+)\}/g, (_, kind: string, n: string) => {
      while (contacts.length < Number(n)) contacts.push(unused.shift() as DemoContact);
      const contact = contacts[Number(n) - 1] as DemoContact;
      return kind === 'campaign' ? contact.campaignId : contact.id;
    });
    const path = join(dir, name);
    writeFileSync(path, Buffer.from(text, 'latin1'));
    return { path, contacts };
  };
  const importFile = async (path: string) => {
    const terminal = capturedIo(env);
    const code = await runCli(['dispositions', 'import', path, '--json'], terminal.io);
    const stderr = terminal.stderr();
    return { code, stderr, document: terminal.stdout() ? (JSON.parse(terminal.stdout()) as ImportDocument) : null };
  };
  const stored = (contact: DemoContact | undefined) => tenant.state.contacts.get(contact?.campaignId ?? '')?.get(contact?.id ?? '');
  const oneLine = (stderr: string) => {
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    return stderr.trimEnd();
  };

  it('an empty file: exit 1, no rows', async () => {
    const { code, stderr, document } = await importFile(fixture('empty.csv'));
    expect(code).toBe(1);
    expect(document).toBeNull();
    expect(oneLine(stderr)).toContain('empty.csv is empty: it has no header line and no rows');
  });

  it('a header and no rows: exit 1, no rows', async () => {
    const { code, stderr } = await importFile(fixture('header-only.csv'));
    expect(code).toBe(1);
    expect(oneLine(stderr)).toContain('header-only.csv has no rows: its header (line 1) is followed by no disposition, so there is nothing to import.');
  });

  it('a quote opened on line 5 of 8 and never closed: the rows before it are applied, the line where it opened is named, the rest listed as not read', async () => {
    const { path, contacts } = withContacts('unclosed-quote-line-5.csv', readFileSync(fixture('unclosed-quote-line-5.csv')));
    const versions = contacts.map((contact) => contact.version);
    const { code, document } = await importFile(path);
    expect(code).toBe(1);
    expect(document?.counts).toMatchObject({ applied: 2, rejected: 1, failed: 0 });
    expect(document?.problems).toEqual([
      {
        line: 5,
        contact: '',
        result: 'rejected',
        reason:
          'unclosed-quote-line-5.csv line 5, column 6 ("notes"): a double quote opens a value that is never closed, so lines 5–8 were not read (the rows before it are read); close the quote, or write a quote inside a value as "".',
      },
    ]);
    expect(stored(contacts[0])?.notes).toBe('ok');
    expect(stored(contacts[1])?.notes).toBe('two\nlines');
    contacts.slice(2).forEach((contact, index) => expect(stored(contact)?.version, `contact of line ${index + 5} untouched`).toBe(versions[index + 2]));
  });

  it('a 5 MB notes value: that row is rejected with its line and the limit, the others are applied', async () => {
    const big = 'n'.repeat(5 * 1024 * 1024);
    const { path, contacts } = withContacts(
      'oversized.csv',
      Buffer.from(
        `${header}\n{campaign:1},{contact:1},INTERESTED,agent-1,2026-11-20T15:00:00Z,before\n{campaign:2},{contact:2},INTERESTED,agent-1,2026-11-20T15:00:00Z,"${big}"\n{campaign:3},{contact:3},INTERESTED,agent-1,2026-11-20T15:00:00Z,after\n`,
      ),
    );
    const { code, document } = await importFile(path);
    expect(code).toBe(1);
    expect(document?.counts).toMatchObject({ applied: 2, rejected: 1 });
    expect(document?.problems.map((problem) => [problem.line, problem.result, problem.reason])).toEqual([
      [3, 'rejected', `Line 3: notes are ${big.length} characters long; at most 4000 are allowed`],
    ]);
    expect([stored(contacts[0])?.notes, stored(contacts[1])?.outcomeCode, stored(contacts[2])?.notes]).toEqual(['before', null, 'after']);
  });

  it('bytes that are not UTF-8 in a UTF-8 file: that row is refused naming its line and column, the others arrive as written', async () => {
    const { path, contacts } = withContacts(
      'bad-byte.csv',
      Buffer.concat([
        Buffer.from(
          `${header}\n{campaign:1},{contact:1},INTERESTED,agent-1,2026-11-20T15:00:00Z,Müller\n{campaign:2},{contact:2},INTERESTED,agent-1,2026-11-20T15:00:00Z,Caf`,
        ),
        Buffer.from([0xe9]),
        Buffer.from('\n{campaign:3},{contact:3},INTERESTED,agent-1,2026-11-20T15:00:00Z,\uFFFD as text\n'),
      ]),
    );
    const { code, document } = await importFile(path);
    expect(code).toBe(1);
    expect(document?.problems.map((problem) => [problem.line, problem.reason])).toEqual([
      [
        3,
        'Line 3: column "notes" holds bytes that are not valid UTF-8 (on line 3, shown as \uFFFD) although the rest of the file is UTF-8; retype that value, or save the file as UTF-8 again.',
      ],
    ]);
    expect([stored(contacts[0])?.notes, stored(contacts[2])?.notes]).toEqual(['Müller', '\uFFFD as text']);
  });

  it('binary data: exit 2, nothing applied', async () => {
    const { code, stderr, document } = await importFile(fixture('binary.csv'));
    expect(code).toBe(2);
    expect(document).toBeNull();
    expect(oneLine(stderr)).toContain(
      'binary.csv is not a CSV text file: it holds binary data (a NUL byte on line 1, column 6); if it is a spreadsheet, save it as CSV first.',
    );
  });

  it('a missing required column: exit 2 naming the field, nothing applied', async () => {
    const { path, contacts } = withContacts('missing-agent-column.csv', readFileSync(fixture('missing-agent-column.csv')));
    const version = contacts[0]?.version;
    const { code, stderr } = await importFile(path);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toContain(
      'missing-agent-column.csv cannot be imported: No column is mapped to the agent ID; choose the column that holds it. Headers found on line 1: campaign_id, contact_id, outcome_code, disposition_timestamp.',
    );
    expect(stored(contacts[0])?.version).toBe(version);
  });

  it('a missing path: exit 2 naming it', async () => {
    const missing = join(dir, 'no-such-file.csv');
    const { code, stderr } = await importFile(missing);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toContain(`The file ${missing} does not exist.`);
  });
});
