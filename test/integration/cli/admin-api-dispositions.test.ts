import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAdminApiDemoTenant, type AdminApiDemoTenantHandle, type AdminContact } from '../../../electron/demo-tenant-admin/index';
import { runCli } from '../../../electron/host/cli/cli';
import { csvHeader } from '../dispositions-import/demo-fixture';
import { capturedIo } from './cli-io';

describe('cxone-console dispositions import against a CXone (Admin API) tenant', () => {
  let tenant: AdminApiDemoTenantHandle;
  let dir: string;
  let env: Record<string, string>;

  beforeEach(async () => {
    tenant = await startAdminApiDemoTenant({ seed: 9, skillCount: 6, contactsPerSkill: 4 });
    dir = mkdtempSync(join(tmpdir(), 'cxone-cli-admin-import-'));
    env = {
      CXONE_KIND: 'admin-api',
      CXONE_ISSUER: tenant.issuer,
      CXONE_ACCESS_KEY_ID: tenant.accessKeyId,
      CXONE_ACCESS_KEY_SECRET: tenant.accessKeySecret,
      CXONE_DATA_DIR: join(dir, 'data'),
    };
  });
  afterEach(async () => {
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies each row with set-disposition on the skill, mapped from the outcome code, and audits it in one chain', async () => {
    const interested = (contact: AdminContact) =>
      !contact.active && contact.disposition === null && tenant.state.skills.get(contact.skillId)?.dispositions.some((d) => d.dispositionName === 'Interested');
    const contacts = [...tenant.state.contacts.values()].filter(interested).slice(0, 3);
    expect(contacts).toHaveLength(3);
    const file = join(dir, 'calls.csv');
    const lines = contacts.map((c) => [c.skillId, c.contactId, 'INTERESTED', 'agent-007', '2026-11-20T15:00:00Z', 'imported'].join(','));
    writeFileSync(file, `${[csvHeader, ...lines].join('\n')}\n`);

    const terminal = capturedIo(env);
    const code = await runCli(['dispositions', 'import', file, '--json'], terminal.io);
    expect(terminal.stderr()).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(terminal.stdout()) as { counts: Record<string, number> }).counts).toMatchObject({ applied: 3, failed: 0 });
    for (const contact of contacts) {
      expect(tenant.state.contacts.get(contact.contactId)?.disposition).toMatchObject({ dispositionName: 'Interested', notes: 'imported' });
    }
    const verify = capturedIo(env);
    expect(await runCli(['audit', 'verify'], verify.io)).toBe(0);
  });
});
