import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AdminApiDemoTenantHandle, AdminContact } from '../../../electron/demo-tenant-admin/index';
import { createDispositionImporter } from '../../../electron/dispositions/import/disposition-importer';
import { ImportSession } from '../../../electron/dispositions/import/import-session';
import { readOutcomeMatrix } from '../../../electron/dispositions/import/outcome-matrix';
import { readBatch } from '../../../electron/dispositions/import/read-batch';
import type { OutcomeDispositionView } from '../../../shared/tenant/outcome-disposition-mapping';
import { startServices, type ServicesUnderTest } from '../security/security-support';

const person = { type: 'user', name: 'lead' } as const;

const valueOf = <T>(reply: { ok: true; value: unknown } | { ok: false; error: { message: string } }): T => {
  if (!reply.ok) throw new Error(reply.error.message);
  return reply.value as T;
};

function contactWith(demo: AdminApiDemoTenantHandle, dispositionName: string, except: readonly AdminContact[] = []): AdminContact {
  const contact = [...demo.state.contacts.values()].find(
    (c) => c.disposition === null && !except.includes(c) && demo.state.skills.get(c.skillId)?.dispositions.some((d) => d.dispositionName === dispositionName),
  );
  if (!contact) throw new Error(`no undispositioned contact on a skill with "${dispositionName}"`);
  return contact;
}

describe('the outcome → disposition mapping of an Admin API tenant', () => {
  let subject: ServicesUnderTest | null = null;
  let dir: string | null = null;
  afterEach(async () => {
    await subject?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    subject = dir = null;
  });

  const startOnAdminDemo = async () => {
    subject = await startServices();
    valueOf(await subject.call('tenant:useDemo', { kind: 'cxone-admin' }));
    const demo = subject.services.tenant.adminApiDemoTenant();
    if (!demo) throw new Error('the Admin API demo tenant did not start');
    return { subject, demo };
  };

  const importFile = async (subject: ServicesUnderTest, lines: string[]) => {
    dir ??= mkdtempSync(join(tmpdir(), 'outcome-mapping-'));
    const path = join(dir, `calls-${lines.length}-${Date.now()}.csv`);
    writeFileSync(path, `${['campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp', ...lines].join('\r\n')}\r\n`);
    const connection = subject.services.tenant.connection();
    const matrix = await readOutcomeMatrix(connection.referenceData);
    const session = new ImportSession('s-1', await readBatch(path, { fileName: 'calls.csv', outcomeMatrix: matrix.codes }), matrix);
    const importer = createDispositionImporter({
      dir: join(dir, 'imports'),
      contacts: () => connection.contacts,
      maxConcurrency: () => 2,
      suppression: { add: async () => undefined },
      notifications: { enabled: () => false, enqueue: async () => undefined },
      audit: { record: async () => undefined },
      busyRetryDelayMs: 20,
      busyTailMs: 1000,
    });
    const started = await importer.start(session.toSpec());
    if (!started.ok) throw new Error(started.error.message);
    return started.value.done;
  };

  it('proposes matching by name, refuses a code mapped to a disposition the tenant lacks by name, and keeps a saved one per profile', async () => {
    const { subject, demo } = await startOnAdminDemo();
    const view = valueOf<OutcomeDispositionView>(await subject.call('tenant:outcomeDispositions', {}));
    const interested = demo.state.dispositions.find((d) => d.dispositionName === 'Interested');
    const voicemail = demo.state.dispositions.find((d) => d.dispositionName === 'Left voicemail');
    if (!interested || !voicemail) throw new Error('the demo has no Interested or Left voicemail disposition');
    expect(view).toMatchObject({ profileId: 'demo-admin-api', saved: null, problems: [] });
    expect(view.proposed).toMatchObject({ INTERESTED: String(interested.dispositionId), LEFT_VOICEMAIL: String(voicemail.dispositionId) });
    expect(view.dispositions).toHaveLength(demo.state.dispositions.length);

    const refused = await subject.call('tenant:saveOutcomeDispositions', { mapping: { VOICEMAIL: '99999', INTERESTED: String(interested.dispositionId) } });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ kind: 'validation', target: 'outcomeDispositions' });
    expect(refused.error.message).toContain('Outcome VOICEMAIL is mapped to disposition 99999, which this tenant does not have');
    expect(refused.error.message).not.toContain('INTERESTED');
    expect(valueOf<OutcomeDispositionView>(await subject.call('tenant:outcomeDispositions', {})).saved).toBeNull();

    const mapping = { ...view.proposed, VOICEMAIL: String(voicemail.dispositionId) };
    expect(valueOf<OutcomeDispositionView>(await subject.call('tenant:saveOutcomeDispositions', { mapping })).saved).toEqual(mapping);
    // Away to the contract demo and back: the Admin API demo profile still has it.
    valueOf(await subject.call('tenant:useDemo', {}));
    expect((await subject.call('tenant:outcomeDispositions', {})).ok).toBe(false);
    valueOf(await subject.call('tenant:useDemo', { kind: 'cxone-admin' }));
    expect(valueOf<OutcomeDispositionView>(await subject.call('tenant:outcomeDispositions', {})).saved).toEqual(mapping);
    expect(subject.auditText()).toContain('"action":"tenant.settings_change"');

    // A disposition removed on the tenant afterwards: the saved mapping names the code that lost it.
    demo.state.dispositions = demo.state.dispositions.filter((d) => d !== voicemail);
    const stale = valueOf<OutcomeDispositionView>(await subject.call('tenant:outcomeDispositions', {}));
    expect(stale.problems).toEqual([
      `Outcome LEFT_VOICEMAIL is mapped to disposition ${voicemail.dispositionId}, which this tenant does not have; choose one of its dispositions.`,
      `Outcome VOICEMAIL is mapped to disposition ${voicemail.dispositionId}, which this tenant does not have; choose one of its dispositions.`,
    ]);
  });

  it('the import engine sets the mapped disposition, falls back to the name for unmapped codes, and names a mapping the skill cannot take', async () => {
    const { subject, demo } = await startOnAdminDemo();
    const voicemail = demo.state.dispositions.find((d) => d.dispositionName === 'Left voicemail');
    const interested = demo.state.dispositions.find((d) => d.dispositionName === 'Interested');
    if (!voicemail || !interested) throw new Error('no Left voicemail or Interested disposition');
    const first = contactWith(demo, 'Left voicemail');
    const line = (contact: AdminContact, code: string) => `${contact.skillId},${contact.contactId},${code},agent-1,2026-11-20T15:00:00Z`;

    // Matched by name only, VOICEMAIL is no outcome of this tenant: the row is refused before anything is sent.
    const before = await importFile(subject, [line(first, 'VOICEMAIL')]);
    expect(before.counts).toMatchObject({ applied: 0, rejected: 1 });
    expect(demo.state.contacts.get(first.contactId)?.disposition).toBeNull();

    valueOf(await subject.call('tenant:saveOutcomeDispositions', { mapping: { VOICEMAIL: String(voicemail.dispositionId) } }));
    const second = contactWith(demo, 'Interested', [first]);
    const after = await importFile(subject, [line(first, 'VOICEMAIL'), line(second, 'INTERESTED')]);
    expect(after.counts).toMatchObject({ applied: 2, rejected: 0, failed: 0 });
    expect(demo.state.contacts.get(first.contactId)?.disposition).toMatchObject({ dispositionCode: voicemail.dispositionId });
    expect(demo.state.contacts.get(second.contactId)?.disposition).toMatchObject({ dispositionCode: interested.dispositionId });
    expect((await subject.services.tenant.connection().contacts.get(String(first.skillId), String(first.contactId))).outcomeCode).toBe('VOICEMAIL');

    // Mapped to a disposition the tenant has but this skill does not: refused with the skill, the code and the fix.
    const skillWithout = [...demo.state.skills.values()].find((s) => s.isOutbound && !s.dispositions.some((d) => d.dispositionId === voicemail.dispositionId));
    if (!skillWithout) throw new Error('every skill has Left voicemail');
    const failure = await subject.services.tenant
      .connection()
      .contacts.applyDisposition(String(skillWithout.skillId), '1', { outcomeCode: 'VOICEMAIL', agentId: 'a', dispositionTimestamp: '2026-11-20T15:00:00Z' })
      .then(
        () => null,
        (thrown: { error?: { kind: string; message: string } }) => thrown.error ?? null,
      );
    expect(failure?.kind).toBe('validation');
    expect(failure?.message).toContain(
      `Outcome VOICEMAIL is mapped in Settings to disposition ${voicemail.dispositionId}, which campaign (skill) ${skillWithout.skillId} does not have`,
    );
  });

  it('the Dispositions screen refuses an unknown outcome naming the disposition a name match would use and where to map it', async () => {
    const { subject, demo } = await startOnAdminDemo();
    const contact = contactWith(demo, 'Call back later');
    dir ??= mkdtempSync(join(tmpdir(), 'outcome-mapping-'));
    const path = join(dir, 'callback.csv');
    writeFileSync(
      path,
      `campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp\r\n${contact.skillId},${contact.contactId},CALLBACK_LATER,agent-1,2026-11-20T15:00:00Z\r\n`,
    );
    const opened = valueOf<{ sessionId: string }>(await subject.call('dispositions:open', { path, confirmed: true }));
    const page = valueOf<{ rows: { problems: { message: string }[] }[] }>(
      await subject.call('dispositions:rows', { sessionId: opened.sessionId, filter: 'invalid', offset: 0, limit: 10 }),
    );
    expect(page.rows[0]?.problems[0]?.message).toContain(
      'Did you mean CALL_BACK_LATER (Call back later)? Map it to a disposition in Settings ("Outcome codes → dispositions").',
    );
    expect(demo.state.contacts.get(contact.contactId)?.disposition).toBeNull();
  });

  it('changes the emergency stop mode on its own: the next emergency pause forces the stop, and the connection form is not needed', async () => {
    const { subject, demo } = await startOnAdminDemo();
    expect(subject.services.tenant.status().emergencyStop).toBe('without_force');
    const status = valueOf<{ emergencyStop: string; connection: string }>(await subject.call('tenant:setEmergencyStop', { emergencyStop: 'forced' }));
    expect(status).toMatchObject({ emergencyStop: 'forced', connection: 'connected' });
    const running = [...demo.state.skills.values()].filter((s) => s.isOutbound && s.outboundStrategy === 'Personal Connection' && s.isActive && s.isRunning);
    await subject.services.campaignControl.emergencyPause(person);
    const stops = demo.state.startStopLog.filter((entry) => entry.action === 'stop');
    expect(stops.length).toBe(running.length);
    expect(stops.every((entry) => entry.force)).toBe(true);
    expect(subject.auditText()).toMatch(/"action":"tenant.settings_change".*"after":\{"emergencyStop":"forced"\}/);

    const refusedOnContract = await (async () => {
      valueOf(await subject.call('tenant:useDemo', {}));
      return subject.call('tenant:setEmergencyStop', { emergencyStop: 'without_force' });
    })();
    expect(refusedOnContract.ok).toBe(false);
    valueOf(await subject.call('tenant:useDemo', { kind: 'cxone-admin' }));
    expect(subject.services.tenant.status().emergencyStop).toBe('forced');
  });
});
