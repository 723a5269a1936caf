import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAdminApiDemoTenant, type AdminApiDemoTenantHandle, type AdminContact } from '../../../electron/demo-tenant-admin/index';
import type { MappingDocument } from '../../../electron/host/cli/commands/dispositions-mapping-command';
import { runCli } from '../../../electron/host/cli/cli';
import { csvHeader } from '../dispositions-import/demo-fixture';
import { startServices, type ServicesUnderTest } from '../security/security-support';
import { capturedIo } from './cli-io';

interface ImportOutput {
  counts: Record<string, number>;
  problems: { line: number; reason: string }[];
  outcomeMapping?: { source: { kind: string; profileLabel?: string; path?: string }; entries: Record<string, string> };
}

const expectOk = (reply: { ok: boolean; error?: { message: string } }) => {
  if (!reply.ok) throw new Error(reply.error?.message ?? 'refused');
};

/**
 * The app (console services on a data folder) and the command line on the same folder: what a lead
 * saved in Settings ("Outcome codes → dispositions") is what `cxone-console dispositions …` uses for the same tenant.
 */
describe('cxone-console dispositions on an Admin API tenant use the outcome mapping the app saved', () => {
  let app: ServicesUnderTest | null = null;
  let tenant: AdminApiDemoTenantHandle | null = null;
  let dir: string | null = null;
  afterEach(async () => {
    await app?.close();
    await tenant?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    app = tenant = dir = null;
  });

  const dispositionId = (demo: AdminApiDemoTenantHandle, name: string) => {
    const found = demo.state.dispositions.find((d) => d.dispositionName === name);
    if (!found) throw new Error(`the demo has no "${name}" disposition`);
    return String(found.dispositionId);
  };
  const freshContacts = (demo: AdminApiDemoTenantHandle, dispositionName: string, count: number): AdminContact[] => {
    const found = [...demo.state.contacts.values()].filter(
      (c) => !c.active && c.disposition === null && demo.state.skills.get(c.skillId)?.dispositions.some((d) => d.dispositionName === dispositionName),
    );
    expect(found.length).toBeGreaterThanOrEqual(count);
    return found.slice(0, count);
  };
  const writeFile = (name: string, rows: [AdminContact, string][]) => {
    dir ??= mkdtempSync(join(tmpdir(), 'cli-outcome-mapping-'));
    const path = join(dir, name);
    const lines = rows.map(([c, code]) => [c.skillId, c.contactId, code, 'agent-7', '2026-11-20T15:00:00Z', 'from the cli'].join(','));
    writeFileSync(path, `${[csvHeader, ...lines].join('\n')}\n`);
    return path;
  };

  /** The app connected to a separate Admin API tenant, as a lead would in Settings, with VOICEMAIL mapped to "Left voicemail". */
  const appWithSavedMapping = async () => {
    tenant = await startAdminApiDemoTenant({ seed: 11, skillCount: 6, contactsPerSkill: 6 });
    app = await startServices();
    const form = {
      label: 'Prod',
      issuer: tenant.issuer,
      accessKeyId: tenant.accessKeyId,
      accessKeySecret: tenant.accessKeySecret,
      apiVersion: tenant.apiVersion,
    };
    expectOk(await app.call('tenant:connectAdminApi', form));
    expectOk(await app.call('tenant:saveOutcomeDispositions', { mapping: { VOICEMAIL: dispositionId(tenant, 'Left voicemail') } }));
    const env: Record<string, string> = {
      CXONE_KIND: 'admin-api',
      CXONE_ISSUER: tenant.issuer,
      CXONE_ACCESS_KEY_ID: tenant.accessKeyId,
      CXONE_ACCESS_KEY_SECRET: tenant.accessKeySecret,
      CXONE_DATA_DIR: app.dataDir,
    };
    return { demo: tenant, env };
  };

  it('imports an outcome only the saved mapping knows, sets the mapped disposition on the tenant and says the mapping came from the app', async () => {
    const { demo, env } = await appWithSavedMapping();
    const [first, second] = freshContacts(demo, 'Left voicemail', 2) as [AdminContact, AdminContact];
    const file = writeFile('voicemail.csv', [
      [first, 'VOICEMAIL'],
      [second, 'VOICEMAIL'],
    ]);

    const check = capturedIo(env);
    expect(await runCli(['dispositions', 'check', file], check.io)).toBe(0);
    expect(check.stdout()).toContain(`Outcome mapping: the app's saved mapping of "Prod"`);

    const terminal = capturedIo(env);
    const code = await runCli(['dispositions', 'import', file, '--json'], terminal.io);
    expect(terminal.stderr()).toBe('');
    const output = JSON.parse(terminal.stdout()) as ImportOutput;
    expect(output.counts).toMatchObject({ applied: 2, rejected: 0, failed: 0 });
    expect(code).toBe(0);
    expect(output.outcomeMapping).toMatchObject({
      source: { kind: 'saved', profileLabel: 'Prod' },
      entries: { VOICEMAIL: dispositionId(demo, 'Left voicemail') },
    });
    for (const contact of [first, second]) {
      expect(demo.state.contacts.get(contact.contactId)?.disposition).toMatchObject({
        dispositionCode: Number(dispositionId(demo, 'Left voicemail')),
        dispositionName: 'Left voicemail',
        notes: 'from the cli',
      });
    }
  });

  it('uses the mapping the app keeps for its own Admin API demo tenant when the command line talks to that demo', async () => {
    app = await startServices();
    expectOk(await app.call('tenant:useDemo', { kind: 'cxone-admin' }));
    const demo = app.services.tenant.adminApiDemoTenant();
    if (!demo) throw new Error('the Admin API demo tenant did not start');
    expectOk(await app.call('tenant:saveOutcomeDispositions', { mapping: { VOICEMAIL: dispositionId(demo, 'Left voicemail') } }));
    const [contact] = freshContacts(demo, 'Left voicemail', 1) as [AdminContact];
    const env = {
      CXONE_KIND: 'admin-api',
      CXONE_ISSUER: demo.issuer,
      CXONE_ACCESS_KEY_ID: demo.accessKeyId,
      CXONE_ACCESS_KEY_SECRET: demo.accessKeySecret,
      CXONE_DATA_DIR: app.dataDir,
    };
    const terminal = capturedIo(env);
    const code = await runCli(['dispositions', 'import', writeFile('demo.csv', [[contact, 'VOICEMAIL']])], terminal.io);
    expect(terminal.stdout()).toContain(`Outcome mapping: the app's saved mapping of "Demo tenant (Admin API)"`);
    expect(code).toBe(0);
    expect(demo.state.contacts.get(contact.contactId)?.disposition).toMatchObject({ dispositionName: 'Left voicemail' });
  });

  it('CXONE_OUTCOME_DISPOSITIONS replaces the saved mapping, naming dispositions by name, and the output says so', async () => {
    const { demo, env } = await appWithSavedMapping();
    const [contact] = freshContacts(demo, 'Interested', 1) as [AdminContact];
    dir ??= mkdtempSync(join(tmpdir(), 'cli-outcome-mapping-'));
    const override = join(dir, 'mapping.json');
    // The saved mapping sends VOICEMAIL to "Left voicemail"; the file sends it to "interested" (any case) instead.
    writeFileSync(override, JSON.stringify({ VOICEMAIL: 'interested' }));
    const terminal = capturedIo({ ...env, CXONE_OUTCOME_DISPOSITIONS: override });
    const code = await runCli(['dispositions', 'import', writeFile('override.csv', [[contact, 'VOICEMAIL']]), '--json'], terminal.io);
    const output = JSON.parse(terminal.stdout()) as ImportOutput;
    expect(output.counts).toMatchObject({ applied: 1 });
    expect(code).toBe(0);
    expect(output.outcomeMapping).toEqual({
      source: { kind: 'environment', variable: 'CXONE_OUTCOME_DISPOSITIONS', path: override },
      entries: { VOICEMAIL: dispositionId(demo, 'Interested') },
    });
    expect(demo.state.contacts.get(contact.contactId)?.disposition).toMatchObject({ dispositionName: 'Interested' });

    const mapping = capturedIo({ ...env, CXONE_OUTCOME_DISPOSITIONS: override });
    expect(await runCli(['dispositions', 'mapping'], mapping.io)).toBe(0);
    expect(mapping.stdout()).toContain(`Outcome mapping of ${new URL(demo.issuer).host}: CXONE_OUTCOME_DISPOSITIONS (${override}).`);
    expect(mapping.stdout()).toMatch(/VOICEMAIL\s+Interested\s+\d+\s+mapping/);
  });

  it('refuses a bad CXONE_OUTCOME_DISPOSITIONS file naming the variable and the bad key, and sends nothing', async () => {
    const { demo, env } = await appWithSavedMapping();
    const [contact] = freshContacts(demo, 'Left voicemail', 1) as [AdminContact];
    const file = writeFile('bad-env.csv', [[contact, 'VOICEMAIL']]);
    const override = join(dir as string, 'bad.json');
    const refusals: [unknown, RegExp][] = [
      [{ voicemail: 'Left voicemail' }, /CXONE_OUTCOME_DISPOSITIONS \(.*bad\.json\): key "voicemail" is no outcome code/],
      [
        { VOICEMAIL: 'Left a message' },
        /CXONE_OUTCOME_DISPOSITIONS \(.*bad\.json\): "VOICEMAIL" → "Left a message" is no disposition of the tenant; its dispositions are .*Left voicemail/,
      ],
      [{ VOICEMAIL: '' }, /CXONE_OUTCOME_DISPOSITIONS \(.*bad\.json\): the value of "VOICEMAIL" must name a disposition/],
      [['VOICEMAIL'], /CXONE_OUTCOME_DISPOSITIONS \(.*bad\.json\) must be a JSON object/],
    ];
    for (const [content, message] of refusals) {
      writeFileSync(override, JSON.stringify(content));
      const terminal = capturedIo({ ...env, CXONE_OUTCOME_DISPOSITIONS: override });
      expect(await runCli(['dispositions', 'import', file], terminal.io)).toBe(2);
      expect(terminal.stderr()).toMatch(message);
    }
    writeFileSync(override, '{not json');
    const broken = capturedIo({ ...env, CXONE_OUTCOME_DISPOSITIONS: override });
    expect(await runCli(['dispositions', 'mapping', '--json'], broken.io)).toBe(2);
    expect(broken.stderr()).toContain('CXONE_OUTCOME_DISPOSITIONS names');
    expect(broken.stderr()).toContain('which is not JSON');
    expect(demo.state.contacts.get(contact.contactId)?.disposition).toBeNull();
  });

  it('`dispositions mapping --json` prints the mapped codes, the name matches and where the mapping came from', async () => {
    const { demo, env } = await appWithSavedMapping();
    const terminal = capturedIo(env);
    expect(await runCli(['dispositions', 'mapping', '--json'], terminal.io)).toBe(0);
    const document = JSON.parse(terminal.stdout()) as MappingDocument;
    expect(document.source).toMatchObject({ kind: 'saved', profileLabel: 'Prod', settingsFile: join(app?.dataDir as string, 'settings.json') });
    expect(document.problems).toEqual([]);
    expect(document.entries).toContainEqual({
      outcomeCode: 'VOICEMAIL',
      dispositionId: dispositionId(demo, 'Left voicemail'),
      dispositionName: 'Left voicemail',
      via: 'mapping',
    });
    expect(document.entries).toContainEqual({
      outcomeCode: 'CALL_BACK_LATER',
      dispositionId: dispositionId(demo, 'Call back later'),
      dispositionName: 'Call back later',
      via: 'name',
    });

    // A disposition removed on the tenant afterwards: the mapping names the code that lost it and exits 1.
    demo.state.dispositions = demo.state.dispositions.filter((d) => d.dispositionName !== 'Left voicemail');
    const stale = capturedIo(env);
    expect(await runCli(['dispositions', 'mapping', '--json'], stale.io)).toBe(1);
    expect((JSON.parse(stale.stdout()) as MappingDocument).problems).toEqual([expect.stringContaining('Outcome VOICEMAIL is mapped to disposition')]);
  });

  it('refuses an outcome code no mapping or name knows, naming the code and disposition a name match would use and where to map it', async () => {
    const { demo, env } = await appWithSavedMapping();
    const [contact] = freshContacts(demo, 'Call back later', 1) as [AdminContact];
    const terminal = capturedIo(env);
    expect(await runCli(['dispositions', 'import', writeFile('callback.csv', [[contact, 'CALLBACK_LATER']]), '--json'], terminal.io)).toBe(1);
    const output = JSON.parse(terminal.stdout()) as ImportOutput;
    expect(output.counts).toMatchObject({ applied: 0, rejected: 1 });
    expect(output.problems[0]?.reason).toContain(
      'outcome code "CALLBACK_LATER" is not one of the tenant\'s outcomes: ' +
        'BUSY_SIGNAL, CALL_BACK_LATER, DO_NOT_CALL, INTERESTED, LEFT_VOICEMAIL, NOT_INTERESTED, NO_ANSWER, VOICEMAIL, WRONG_NUMBER. ' +
        'Did you mean CALL_BACK_LATER (Call back later)? Map it to a disposition in Settings ("Outcome codes → dispositions") or CXONE_OUTCOME_DISPOSITIONS.',
    );

    // Offline, with the codes and names the import kept in the data folder: a typo gets the same help.
    const check = capturedIo(env);
    expect(await runCli(['dispositions', 'check', writeFile('typo.csv', [[contact, 'CALLBACK_LATR']])], check.io)).toBe(1);
    expect(check.stdout()).toContain(
      'Did you mean CALL_BACK_LATER (Call back later)? Map it to a disposition in Settings ("Outcome codes → dispositions") or CXONE_OUTCOME_DISPOSITIONS.',
    );
    expect(demo.state.contacts.get(contact.contactId)?.disposition).toBeNull();
  });
});
