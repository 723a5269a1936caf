import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoTenant, type DemoTenantHandle } from '../../electron/demo-tenant/index';

const run = promisify(execFile);
const bin = resolve('bin', 'cxone-console.mjs');

// Runs after `npm run build`: the package's bin, as `npx cxone-console` would, in its own process.
describe('the cxone-console bin', () => {
  let tenant: DemoTenantHandle;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 12, contactsPerCampaign: 5 });
  });
  afterAll(async () => {
    await tenant.close();
  });

  it('lists the tenant campaigns as JSON from the environment connection', async () => {
    const { stdout } = await run(process.execPath, [bin, 'campaigns', 'list', '--json'], {
      env: {
        ...process.env,
        CXONE_BASE_URL: tenant.url,
        CXONE_TOKEN_URL: tenant.tokenUrl,
        CXONE_CLIENT_ID: tenant.clientId,
        CXONE_CLIENT_SECRET: tenant.clientSecret,
      },
    });
    const campaigns = JSON.parse(stdout) as { id: string }[];
    expect(campaigns.map((c) => c.id).sort()).toEqual([...tenant.state.campaigns.keys()].sort());
  });

  it('prints a --json document larger than a pipe holds whole (the process waits for stdout before it exits)', async () => {
    const large = await startDemoTenant({ dialerTickMs: 0, campaignCount: 400, contactsPerCampaign: 1 });
    try {
      const { stdout } = await run(process.execPath, [bin, 'campaigns', 'list', '--json'], {
        env: {
          ...process.env,
          CXONE_BASE_URL: large.url,
          CXONE_TOKEN_URL: large.tokenUrl,
          CXONE_CLIENT_ID: large.clientId,
          CXONE_CLIENT_SECRET: large.clientSecret,
        },
        maxBuffer: 16 * 1024 * 1024,
      });
      expect(stdout.length).toBeGreaterThan(128 * 1024);
      expect((JSON.parse(stdout) as unknown[]).length).toBe(400);
    } finally {
      await large.close();
    }
  });

  it('names the missing setting and exits 2 without a connection', async () => {
    const failure = await run(process.execPath, [bin, 'campaigns', 'list'], { env: { PATH: process.env.PATH ?? '' } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toContain('CXONE_BASE_URL');
  });

  it('runs dispositions check (started again with its heap flags) with its output and exit codes passed through', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cli-bin-check-'));
    try {
      const header = 'contact_id,campaign_id,outcome_code,agent_id,disposition_timestamp\n';
      const valid = join(dir, 'valid.csv');
      await writeFile(valid, `${header}c-1,camp-1,BUSY,agent-1,2024-06-01T10:00:00Z\n`);
      const invalid = join(dir, 'invalid.csv');
      await writeFile(invalid, `${header}c-1,camp-1,busy,agent-1,2024-06-01T10:00:00Z\nc-2,camp-1,BUSY,agent-1,2024-06-01T10:00:00Z\n`);
      const env = { PATH: process.env.PATH ?? '' };
      const ok = await run(process.execPath, [bin, 'dispositions', 'check', valid, '--json'], { env });
      expect((JSON.parse(ok.stdout) as { counts: { valid: number } }).counts.valid).toBe(1);
      const refused = await run(process.execPath, [bin, 'dispositions', 'check', invalid, '--json'], { env }).then(
        () => null,
        (error: { code: number; stdout: string }) => error,
      );
      expect(refused?.code).toBe(1);
      const document = JSON.parse(refused?.stdout ?? '{}') as { counts: { invalid: number; valid: number }; problems: { line: number }[] };
      expect([document.counts.valid, document.counts.invalid, document.problems[0]?.line]).toEqual([1, 1, 2]);
      const unreadable = await run(process.execPath, [bin, 'dispositions', 'check', join(dir, 'missing.csv')], { env }).then(
        () => null,
        (error: { code: number; stderr: string }) => error,
      );
      expect(unreadable?.code).toBe(2);
      expect(unreadable?.stderr).toContain('missing.csv');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
