import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli, type FinishedCli } from '../../support/cli-process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../../electron/audit/audit-log';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { allEntries, pauseOf } from '../../unit/audit/audit-fixtures';

describe('audit rotation with real command-line processes', () => {
  let tenant: DemoTenantHandle;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let startCli: Awaited<ReturnType<typeof buildCli>>;
  beforeAll(async () => {
    startCli = await buildCli('test-audit-rotation-cli');
    tenant = await startDemoTenant({ dialerTickMs: 0, latencyMs: 2, campaignCount: 60, contactsPerCampaign: 2 });
    dir = mkdtempSync(join(tmpdir(), 'audit-rotation-cli-'));
    env = {
      ...process.env,
      CXONE_BASE_URL: tenant.url,
      CXONE_CLIENT_ID: tenant.clientId,
      CXONE_CLIENT_SECRET: tenant.clientSecret,
      CXONE_DATA_DIR: join(dir, 'data'),
      CXONE_AUDIT_MAX_FILE_BYTES: '4096',
    };
  });
  afterAll(async () => {
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (args: string[]): Promise<FinishedCli> => startCli(args, env).finished;

  it('CXONE_AUDIT_MAX_FILE_BYTES rotates the log of CLI processes writing beside the app: nothing lost, one chain', async () => {
    const auditDir = join(dir, 'data', 'audit');
    const app = await createAuditLog({ dir: auditDir, maxFileBytes: 4096 });
    let cliDone = false;
    const commands = (async () => {
      const pause = await cli(['campaigns', 'pause', '--all', '--json']);
      const resume = await cli(['campaigns', 'resume', '--emergency', '--json']);
      cliDone = true;
      return { pause, resume };
    })();
    let appCount = 0;
    while (!cliDone) {
      await app.append(pauseOf(`app-${appCount}`));
      appCount += 1;
    }
    const { pause, resume } = await commands;
    await app.close();
    expect(pause.stderr).toBe('');
    expect(resume.stderr).toBe('');
    const paused = (JSON.parse(pause.stdout) as { campaigns: { outcome: string }[] }).campaigns.filter((c) => c.outcome === 'paused').length;
    expect(paused).toBeGreaterThan(10);

    const archives = readdirSync(auditDir).filter((name) => name.endsWith('.jsonl.gz'));
    expect(archives.length).toBeGreaterThan(3);
    const entries = await allEntries(auditDir);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: entries.length }, (_, index) => index + 1));
    expect(entries.filter((entry) => entry.target.id.startsWith('app-'))).toHaveLength(appCount);
    expect(entries.filter((entry) => entry.action === 'campaign.emergency_pause' && entry.outcome === 'success')).toHaveLength(paused);

    const verify = await cli(['audit', 'verify', '--json']);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: entries.length, files: archives.length + 1 });
  });
});
