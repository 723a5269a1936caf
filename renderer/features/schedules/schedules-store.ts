import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Schedule } from '../../../shared/cxone/schemas';
import type { ConsoleError } from '../../../shared/errors';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import { activationRunId, type ActivationReport } from '../../../shared/schedules/schedule-apply-result';
import type { CampaignScheduleView, ScheduleCheckResult, ScheduleEdit, ScheduledCampaignRow } from '../../../shared/schedules/schedule-views';
import type { StaffingTimeline } from '../../../shared/schedules/staffing-timeline';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';

export type ApplyResult = ResponseOf<'schedules:apply'>;
export type ScheduleConflictRow = ResponseOf<'schedules:conflicts'>[number];

/** The editor's fields as typed: text until checked, so a half-typed value never turns into a number. */
export interface ScheduleDraft {
  timezone: string;
  cronExpression: string;
  windowStart: string;
  windowEnd: string;
  blackoutDates: string[];
  maxAttempts: string;
  retryIntervalMinutes: string;
  retryOnBusy: boolean;
  retryOnNoAnswer: boolean;
}

export interface SchedulesState {
  rows: ScheduledCampaignRow[];
  loading: boolean;
  error: ConsoleError | null;
  selectedId: string | null;
  view: CampaignScheduleView | null;
  draft: ScheduleDraft | null;
  draftProblem: string | null;
  checking: boolean;
  check: ScheduleCheckResult | null;
  /** The draft as it was when `check` was made: Apply stays off once the lead edits again. */
  checkedDraft: ScheduleDraft | null;
  applying: boolean;
  applied: ApplyResult | null;
  activation: ActivationReport | null;
  conflicts: ScheduleConflictRow[] | null;
  timeline: StaffingTimeline | null;
  viewerZone: string;
  load(): Promise<void>;
  select(campaignId: string): Promise<void>;
  edit(patch: Partial<ScheduleDraft>): void;
  runCheck(): Promise<void>;
  /** `over` is the stored schedule the lead chose to replace after a concurrent edit; default the one the editor was opened on. */
  apply(options: { clip: boolean; over?: Schedule | null }): Promise<void>;
  loadOverview(days: number): Promise<void>;
  /** Subscribes to activation progress; returns the unsubscribe. */
  watchActivation(): () => void;
}

export type SchedulesStore = StoreApi<SchedulesState>;

const clockOf = (minutes: number) => `${String(Math.floor(minutes / 60) % 24).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** The editor's fields from a stored schedule: the window's start comes from the cron's minute and hour. */
export function draftOf(view: CampaignScheduleView): ScheduleDraft {
  const schedule = view.schedule;
  const [minute, hour] = (schedule?.cronExpression ?? '0 9 * * 1-5').split(' ').map(Number) as [number, number];
  const start = Number.isFinite(hour) && Number.isFinite(minute) ? hour * 60 + minute : 9 * 60;
  const length = schedule?.windowMinutes ?? 480;
  return {
    timezone: schedule?.timezone ?? 'America/New_York',
    cronExpression: schedule?.cronExpression ?? '0 9 * * 1-5',
    windowStart: clockOf(start),
    windowEnd: clockOf(start + length),
    blackoutDates: view.blackoutDates,
    maxAttempts: String(schedule?.retryPolicy.maxAttempts ?? 3),
    retryIntervalMinutes: String((schedule?.retryPolicy.retryIntervalMs ?? 60_000) / 60_000),
    retryOnBusy: schedule?.retryPolicy.retryOnBusy ?? true,
    retryOnNoAnswer: schedule?.retryPolicy.retryOnNoAnswer ?? true,
  };
}

const minutesOf = (clock: string): number | null => {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  return hours <= 24 && minutes < 60 && hours * 60 + minutes <= 1440 ? hours * 60 + minutes : null;
};

/**
 * The schedule to send: the window's start becomes the cron's minute and hour (the other cron
 * fields stay as typed), its length the window minutes; an end before the start runs past midnight.
 */
export function editOf(draft: ScheduleDraft): { ok: true; edit: ScheduleEdit } | { ok: false; problem: string } {
  const start = minutesOf(draft.windowStart);
  const end = minutesOf(draft.windowEnd);
  if (start === null || start >= 1440) return { ok: false, problem: 'The window start is a time of day, HH:mm.' };
  if (end === null) return { ok: false, problem: 'The window end is a time of day, HH:mm.' };
  const fields = draft.cronExpression.trim().split(/\s+/);
  if (fields.length !== 5) return { ok: false, problem: 'The cron has 5 fields: minute, hour, day of month, month, day of week.' };
  const cronExpression = [String(start % 60), String(Math.floor(start / 60)), ...fields.slice(2)].join(' ');
  const windowMinutes = end > start ? end - start : end + 1440 - start;
  const maxAttempts = Number(draft.maxAttempts);
  const intervalMinutes = Number(draft.retryIntervalMinutes);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 20) return { ok: false, problem: 'Max attempts is a whole number from 1 to 20.' };
  if (!Number.isFinite(intervalMinutes) || intervalMinutes < 0) return { ok: false, problem: 'The retry interval is a number of minutes, 0 or more.' };
  return {
    ok: true,
    edit: {
      timezone: draft.timezone,
      cronExpression,
      windowMinutes,
      blackoutDates: draft.blackoutDates,
      retryPolicy: {
        maxAttempts,
        retryIntervalMs: Math.round(intervalMinutes * 60_000),
        retryOnBusy: draft.retryOnBusy,
        retryOnNoAnswer: draft.retryOnNoAnswer,
      },
    },
  };
}

const viewerZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function createSchedulesStore(api: ConsoleApi): SchedulesStore {
  const request = (campaignId: string, edit: ScheduleEdit): RequestOf<'schedules:check'> => ({
    campaignId,
    schedule: edit,
    days: 14,
    viewerZone: viewerZone(),
  });
  return createStore<SchedulesState>((set, get) => ({
    rows: [],
    loading: false,
    error: null,
    selectedId: null,
    view: null,
    draft: null,
    draftProblem: null,
    checking: false,
    check: null,
    checkedDraft: null,
    applying: false,
    applied: null,
    activation: null,
    conflicts: null,
    timeline: null,
    viewerZone: viewerZone(),
    async load() {
      set({ loading: true, error: null });
      try {
        set({ rows: await api.call('schedules:list', {}), loading: false });
      } catch (thrown) {
        set({ loading: false, error: errorOf(thrown) });
      }
    },
    async select(campaignId) {
      set({
        selectedId: campaignId,
        view: null,
        draft: null,
        check: null,
        checkedDraft: null,
        applied: null,
        activation: null,
        error: null,
        draftProblem: null,
      });
      try {
        const view = await api.call('schedules:get', { campaignId, viewerZone: viewerZone() });
        if (get().selectedId === campaignId) set({ view, draft: draftOf(view) });
      } catch (thrown) {
        set({ error: errorOf(thrown) });
      }
    },
    edit(patch) {
      const draft = get().draft;
      if (draft) set({ draft: { ...draft, ...patch }, draftProblem: null });
    },
    async runCheck() {
      const { selectedId, draft } = get();
      if (!selectedId || !draft) return;
      const edit = editOf(draft);
      if (!edit.ok) {
        set({ draftProblem: edit.problem, check: null });
        return;
      }
      set({ checking: true, error: null, applied: null });
      try {
        const check = await api.call('schedules:check', request(selectedId, edit.edit));
        set({ check, checkedDraft: draft, checking: false });
      } catch (thrown) {
        set({ checking: false, error: errorOf(thrown) });
      }
    },
    async apply({ clip, over }) {
      const { selectedId, draft, view } = get();
      if (!selectedId || !draft) return;
      const edit = editOf(draft);
      if (!edit.ok) return set({ draftProblem: edit.problem });
      set({ applying: true, error: null, activation: null });
      try {
        const applied = await api.call('schedules:apply', {
          ...request(selectedId, edit.edit),
          clip,
          dryRun: false,
          activate: true,
          base: over !== undefined ? over : (view?.schedule ?? null),
        });
        set({ applied, applying: false, ...(applied.kind === 'applied' && applied.activation ? { activation: applied.activation } : {}) });
        if (applied.kind === 'applied') {
          const view = await api.call('schedules:get', { campaignId: selectedId, viewerZone: viewerZone() });
          set({ view, draft: draftOf(view), check: null, checkedDraft: null });
          void get().load();
        }
      } catch (thrown) {
        set({ applying: false, error: errorOf(thrown) });
      }
    },
    async loadOverview(days) {
      try {
        const [conflicts, timeline] = await Promise.all([api.call('schedules:conflicts', { days }), api.call('schedules:timeline', { days })]);
        set({ conflicts, timeline });
      } catch (thrown) {
        set({ error: errorOf(thrown) });
      }
    },
    watchActivation() {
      return api.on('runs:progress', (progress) => {
        const id = get().selectedId;
        if (progress.kind !== 'schedule' || !id || progress.runId !== activationRunId(id)) return;
        const status = progress.state === 'running' ? 'activating' : (Object.keys(progress.counts)[0] as ActivationReport['status'] | undefined);
        set({ activation: { status: status ?? 'activating', latencyMs: null, message: progress.note ?? '' } });
      });
    },
  }));
}

const schedulesStoreContext = createStoreContext<SchedulesState>('schedules');
export const SchedulesStoreProvider = schedulesStoreContext.Provider;
export const useSchedulesStore = schedulesStoreContext.useSelector;
