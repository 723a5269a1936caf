import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoContact, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { csvHeader, csvLine, pickContacts } from '../dispositions-import/demo-fixture';
import { capturedIo } from './cli-io';

interface ImportDocument {
  state: string;
  counts: Record<string, number>;
  problems: { line: number; contact: string; result: string; reason: string }[];
}

describe('cxone-console dispositions import: contacts on a call', () => {
  let tenant: DemoTenantHandle;
  let dir: string;
  let env: Record<string, string>;
  let contacts: DemoContact[];
  let file: string;

  beforeEach(async () => {
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, campaignCount: 4, contactsPerCampaign: 40 });
    dir = mkdtempSync(join(tmpdir(), 'cxone-cli-busy-'));
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret, CXONE_DATA_DIR: join(dir, 'data') };
    contacts = pickContacts(tenant, { state: 'PENDING', count: 6 });
    file = join(dir, 'calls.csv');
    writeFileSync(file, `${[csvHeader, ...contacts.map((contact) => csvLine(contact, 'INTERESTED'))].join('\n')}\n`);
  });
  afterEach(async () => {
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends with the contacts on a call left waiting, and --retry-busy later applies just them', async () => {
    const onCall = [contacts[1]!, contacts[4]!];
    for (const contact of onCall) contact.state = 'CONNECTED';
    const versions = new Map(contacts.map((contact) => [contact.id, contact.version]));

    const first = capturedIo(env);
    expect(await runCli(['dispositions', 'import', file, '--json', '--busy-wait', '0.3'], first.io)).toBe(1);
    const report = JSON.parse(first.stdout()) as ImportDocument;
    expect(report.state).toBe('finished');
    expect(report.counts).toMatchObject({ applied: 4, waitingBusy: 2, failed: 0 });
    expect(report.problems.map((problem) => [problem.line, problem.result])).toEqual([
      [3, 'waiting'],
      [6, 'waiting'],
    ]);
    for (const contact of onCall) expect(contact.outcomeCode).toBeNull();

    // Running the same file again without saying what to do is refused, and says how to retry just those.
    const again = capturedIo(env);
    expect(await runCli(['dispositions', 'import', file], again.io)).toBe(2);
    expect(again.stderr()).toContain('--retry-busy');

    for (const contact of onCall) contact.state = 'DONE';
    const retry = capturedIo(env);
    expect(await runCli(['dispositions', 'import', file, '--retry-busy'], retry.io)).toBe(0);
    expect(retry.stderr()).toContain('Retrying the 2 contacts');
    expect(retry.stdout()).toMatch(/6 applied/);
    // Each contact changed exactly once over both runs: the four applied first were not sent again.
    for (const contact of contacts) {
      expect(contact.outcomeCode, contact.id).toBe('INTERESTED');
      expect(contact.version, contact.id).toBe((versions.get(contact.id) ?? 0) + 1);
    }

    const nothing = capturedIo(env);
    expect(await runCli(['dispositions', 'import', file, '--retry-busy'], nothing.io)).toBe(2);
    expect(nothing.stderr()).toMatch(/No contact of calls\.csv is left waiting/);
  });

  it('refuses --retry-busy with --dry-run or --reimport, and a bad --busy-wait, as usage errors', async () => {
    for (const args of [
      ['--retry-busy', '--dry-run'],
      ['--retry-busy', '--reimport'],
      ['--busy-wait', '0'],
    ]) {
      const terminal = capturedIo(env);
      expect(await runCli(['dispositions', 'import', file, ...args], terminal.io), args.join(' ')).toBe(2);
      expect(terminal.stderr()).toMatch(/--retry-busy|--busy-wait/);
    }
  });
});
