import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, type FinishedCli, type RunningCli } from '../../support/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoContact, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { lockJob } from '../../../electron/dispositions/import/job-lock';
import { csvHeader, csvLine, outcomesCycle, pickContacts, until } from './demo-fixture';

const kills = 20;

describe('a killed command-line import never blocks its re-run', () => {
  let tenant: DemoTenantHandle;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  beforeAll(async () => {
    startCli = await buildCli('test-dispositions-kill-cli');
    tenant = await startDemoTenant({ dialerTickMs: 0, latencyMs: 15, campaignCount: 4, contactsPerCampaign: 400 });
    dir = mkdtempSync(join(tmpdir(), 'dispo-kill-'));
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

  const writeFile = (name: string, contacts: DemoContact[]) => {
    const file = join(dir, name);
    writeFileSync(file, `${[csvHeader, ...contacts.map((contact, i) => csvLine(contact, outcomesCycle[i % outcomesCycle.length]!))].join('\n')}\n`);
    return file;
  };

  it(
    `kill -9 mid-run ${kills} times, re-run at once each time: every re-run resumes the journal, and every row lands exactly once`,
    { timeout: 900_000 },
    async () => {
      const contacts = pickContacts(tenant, { state: 'PENDING', count: 700 });
      const before = new Map(contacts.map((contact) => [contact.id, contact.version]));
      const file = writeFile('killed.csv', contacts);
      const changed = () => contacts.filter((contact) => contact.version !== before.get(contact.id)).length;

      for (let run = 1; run <= kills; run += 1) {
        const appliedBefore = changed();
        const current = start(['dispositions', 'import', file, '--json', '--concurrency', '2']);
        let exitedEarly: FinishedCli | null = null;
        void current.finished.then((finished) => (exitedEarly = finished));
        // New rows landing prove this run holds the job (a refused re-run exits 2 without sending any).
        await until(() => changed() >= appliedBefore + 10 || exitedEarly !== null, `run ${run} to apply rows`, 120_000);
        expect(exitedEarly, `run ${run} ended by itself instead of resuming: ${JSON.stringify(exitedEarly)}`).toBeNull();
        current.child.kill('SIGKILL');
        const killed = await current.finished;
        expect(killed.signal, `run ${run} was killed`).toBe('SIGKILL');
      }
      expect(changed()).toBeLessThan(contacts.length);

      const last = await start(['dispositions', 'import', file, '--json']).finished;
      expect(last.stderr).toBe('');
      expect(last.code).toBe(0);
      const document = JSON.parse(last.stdout) as { state: string; counts: Record<string, number> };
      expect(document.state).toBe('finished');
      expect(document.counts).toMatchObject({ applied: contacts.length, noop: 0, failed: 0, rejected: 0, pending: 0 });
      contacts.forEach((contact, index) => {
        expect(contact.version, `${contact.id} was changed exactly once`).toBe(before.get(contact.id)! + 1);
        expect(contact.outcomeCode).toBe(outcomesCycle[index % outcomesCycle.length]);
      });
    },
  );

  it('a process that still runs the job keeps it: the re-run is refused, and runs once the holder lets go', async () => {
    const contacts = pickContacts(tenant, { state: 'PENDING', count: 20 });
    const before = new Map(contacts.map((contact) => [contact.id, contact.version]));
    const file = writeFile('held.csv', contacts);
    const hash = createHash('sha256').update(readFileSync(file)).digest('hex');
    const held = await lockJob(join(dir, 'data', 'dispositions', 'imports', `${hash}.job.lock`));
    let lost = false;
    held.onLost(() => (lost = true));

    const refused = await start(['dispositions', 'import', file, '--json']).finished;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/being imported by another process that is still running/);
    expect(contacts.every((contact) => contact.version === before.get(contact.id))).toBe(true);
    expect(lost).toBe(false);

    await held.release();
    const run = await start(['dispositions', 'import', file, '--json']).finished;
    expect(run.code).toBe(0);
    expect(contacts.every((contact) => contact.version === before.get(contact.id)! + 1)).toBe(true);
  });
});
