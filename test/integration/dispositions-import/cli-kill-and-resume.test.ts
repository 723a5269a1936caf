import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, type RunningCli } from '../../support/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoContact, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { csvHeader, csvLine, outcomesCycle, pickContacts, until } from './demo-fixture';

describe('dispositions import on the command line', () => {
  let tenant: DemoTenantHandle;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  beforeAll(async () => {
    startCli = await buildCli('test-dispositions-cli');
    tenant = await startDemoTenant({ dialerTickMs: 0, latencyMs: 15, campaignCount: 4, contactsPerCampaign: 400 });
    dir = mkdtempSync(join(tmpdir(), 'dispo-cli-'));
    env = {
      ...process.env,
      CXONE_BASE_URL: tenant.url,
      CXONE_CLIENT_ID: tenant.clientId,
      CXONE_CLIENT_SECRET: tenant.clientSecret,
      CXONE_DATA_DIR: join(dir, 'data'),
    };
  });
  afterAll(async () => {
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (args: string[]): RunningCli => startCli(args, env);

  it('survives being killed mid-import: the re-run resumes and every row lands exactly once', async () => {
    const contacts = pickContacts(tenant, { state: 'PENDING', count: 240 });
    const before = new Map(contacts.map((contact) => [contact.id, contact.version]));
    const outcomeOf = (index: number) => outcomesCycle[index % outcomesCycle.length]!;
    const file = join(dir, 'calls.csv');
    writeFileSync(file, `${[csvHeader, ...contacts.map((contact, i) => csvLine(contact, outcomeOf(i)))].join('\n')}\n`);
    const changed = () => contacts.filter((contact: DemoContact) => contact.version !== before.get(contact.id)).length;

    const first = start(['dispositions', 'import', file, '--json', '--concurrency', '4']);
    await until(() => changed() >= 40, 'the first run to apply some rows');
    first.child.kill('SIGKILL');
    const killed = await first.finished;
    expect(killed.signal).toBe('SIGKILL');
    const appliedBeforeKill = changed();
    expect(appliedBeforeKill).toBeLessThan(contacts.length);

    const second = await start(['dispositions', 'import', file, '--json']).finished;
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    const document = JSON.parse(second.stdout) as { state: string; counts: Record<string, number>; problems: unknown[] };
    expect(document.state).toBe('finished');
    expect(document.counts).toMatchObject({ applied: 240, noop: 0, failed: 0, rejected: 0, pending: 0 });
    expect(document.problems).toEqual([]);
    contacts.forEach((contact, index) => {
      expect(contact.version, `${contact.id} was changed exactly once`).toBe(before.get(contact.id)! + 1);
      expect(contact.outcomeCode).toBe(outcomeOf(index));
    });

    const third = await start(['dispositions', 'import', file, '--json']).finished;
    expect(third.code).toBe(2);
    expect(third.stdout).toBe('');
    expect(third.stderr).toMatch(/already imported .*--reimport/);
  });

  it('exits 1 with the problems listed when rows are rejected or superseded, and 2 on usage errors', async () => {
    const [a, b] = pickContacts(tenant, { state: 'PENDING', count: 2 }).filter((contact) => contact.version === 1);
    const file = join(dir, 'problems.csv');
    writeFileSync(
      file,
      `${[csvHeader, csvLine(a!, 'NOPE'), csvLine(b!, 'NO_ANSWER', '2026-11-20T09:00:00Z'), csvLine(b!, 'INTERESTED', '2026-11-20T11:00:00Z')].join('\n')}\n`,
    );
    const run = await start(['dispositions', 'import', file, '--json']).finished;
    expect(run.code).toBe(1);
    const document = JSON.parse(run.stdout) as { counts: Record<string, number>; problems: { line: number; contact: string; reason: string }[] };
    expect(document.counts).toMatchObject({ applied: 1, rejected: 1, superseded: 1 });
    expect(document.problems.map((problem) => [problem.line, problem.contact])).toEqual([
      [2, `${a!.campaignId}/${a!.id}`],
      [3, `${b!.campaignId}/${b!.id}`],
    ]);
    expect(b!.outcomeCode).toBe('INTERESTED');

    expect((await start(['dispositions', 'import', join(dir, 'missing.csv'), '--json']).finished).code).toBe(2);
    expect((await start(['dispositions', 'import', file, '--concurrency', 'many']).finished).code).toBe(2);
  });
});
