import { describe, expect, it } from 'vitest';
import { createSchedulesStore, draftOf, editOf } from '../../../renderer/features/schedules/schedules-store';
import type { CampaignScheduleView } from '../../../shared/schedules/schedule-views';
import { createFakeConsole, settle } from './fake-console';

const view: CampaignScheduleView = {
  campaign: { id: 'cmp-1', name: 'One', status: 'draft', version: 3, agentAllocation: 4 },
  schedule: {
    timezone: 'America/Chicago',
    cronExpression: '30 8 * * 1-5',
    windowMinutes: 450,
    startTime: '2026-01-01T08:00:00-06:00',
    endTime: '2027-01-01T20:00:00-06:00',
    retryPolicy: { maxAttempts: 3, retryIntervalMs: 300_000, retryOnBusy: true, retryOnNoAnswer: false },
  },
  blackoutDates: ['2026-12-24'],
  description: 'At 08:30, Monday through Friday',
  viewerZone: 'UTC',
  nextWindows: [],
};

describe('schedules store', () => {
  it('reads a stored schedule into the editor and sends the window start as the cron hour and minute, the end as its length', () => {
    const draft = draftOf(view);
    expect(draft).toMatchObject({ windowStart: '08:30', windowEnd: '16:00', maxAttempts: '3', retryIntervalMinutes: '5', blackoutDates: ['2026-12-24'] });
    const sent = editOf({ ...draft, windowStart: '09:15', windowEnd: '01:15' });
    expect(sent).toEqual({
      ok: true,
      edit: {
        timezone: 'America/Chicago',
        cronExpression: '15 9 * * 1-5',
        windowMinutes: 16 * 60,
        blackoutDates: ['2026-12-24'],
        retryPolicy: { maxAttempts: 3, retryIntervalMs: 300_000, retryOnBusy: true, retryOnNoAnswer: false },
      },
    });
    expect(editOf({ ...draft, windowStart: '9am' })).toEqual({ ok: false, problem: expect.stringMatching(/window start/) });
    expect(editOf({ ...draft, cronExpression: '0 9 * *' })).toEqual({ ok: false, problem: expect.stringMatching(/5 fields/) });
  });

  it('applies only what was checked, and shows both versions when the schedule changed meanwhile', async () => {
    const fake = createFakeConsole({ 'schedules:get': () => view });
    const theirs = { ...view.schedule!, cronExpression: '0 10 * * 1-5' };
    fake.handle('schedules:apply', () => ({
      kind: 'schedule_changed',
      verdict: { compliant: true, violations: [], windows: [], unknownTimezoneContacts: 0, clip: [], retryClip: null },
      ours: view.schedule!,
      theirs,
      version: 4,
    }));
    const store = createSchedulesStore(fake.api);
    await store.getState().select('cmp-1');
    await store.getState().apply({ clip: false });
    await settle();
    expect(fake.requests('schedules:apply')[0]).toMatchObject({
      campaignId: 'cmp-1',
      clip: false,
      schedule: { cronExpression: '30 8 * * 1-5', windowMinutes: 450 },
    });
    expect(store.getState().applied).toMatchObject({ kind: 'schedule_changed', theirs: { cronExpression: '0 10 * * 1-5' } });
  });
});
