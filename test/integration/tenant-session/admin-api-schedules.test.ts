import { afterEach, describe, expect, it } from 'vitest';
import { startServices, type ServicesUnderTest } from '../security/security-support';

describe('schedules on a CXone (Admin API) tenant', () => {
  let subject: ServicesUnderTest | null = null;
  afterEach(async () => {
    await subject?.close();
    subject = null;
  });

  it('lists the skills with their status, and refuses the gate, apply, conflicts and timeline as not available, with the reason', async () => {
    subject = await startServices();
    await subject.call('tenant:useDemo', { kind: 'cxone-admin' });
    const list = await subject.call('schedules:list', {});
    if (!list.ok) throw new Error(list.error.message);
    const rows = list.value as { id: string; status: string }[];
    expect(rows.length).toBeGreaterThan(0);
    const campaignId = rows[0]?.id ?? '';
    const schedule = { timezone: 'America/Chicago', cronExpression: '0 9 * * 1-5', windowMinutes: 480, blackoutDates: [] };
    const replies = await Promise.all([
      subject.call('schedules:get', { campaignId, viewerZone: 'UTC' }),
      subject.call('schedules:check', { campaignId, schedule, viewerZone: 'UTC' }),
      subject.call('schedules:apply', { campaignId, schedule }),
      subject.call('schedules:conflicts', { days: 14 }),
      subject.call('schedules:timeline', { days: 14 }),
    ]);
    for (const reply of replies) {
      expect(reply.ok).toBe(false);
      if (reply.ok) continue;
      expect(reply.error.kind).toBe('not_available');
      expect(reply.error.message).toMatch(/^Schedules are not available on this tenant: .*per-weekday calling hours/);
    }

    // The contract demo still has them.
    await subject.call('tenant:useDemo', {});
    expect((await subject.call('schedules:conflicts', { days: 14 })).ok).toBe(true);
  });
});
