import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  AutomationDecision,
  AutomationRuleId,
  AutomationRuleView,
  AutomationRunnerView,
  CapacitySeries,
  RuleTickSummary,
} from '../../../shared/automation/automation-rules';
import type { ConsoleError } from '../../../shared/errors';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';
import { draftOf, settingOfPath, settingsOf, type SettingProblems, type SettingsDraft } from './rule-settings-fields';

/** A tick started from the screen, with its progress as runs:progress reports it. */
export interface ManualRun {
  ruleId: AutomationRuleId;
  dryRun: boolean;
  progress: RunProgressOf<'automation'> | null;
  /** The lead asked to cancel it: the write in flight finishes, no other is sent. */
  cancelling?: boolean;
}

export interface ManualRunResult {
  summary: RuleTickSummary;
  decisions: AutomationDecision[];
}

/** What a lead's action did not do, and to which rule (or campaign), so the notice can say it in one line. */
export interface ActionFailure {
  ruleId: AutomationRuleId;
  /** "Dry run of Severe weather", "Clearing the override on Spring renewals". */
  what: string;
  error: ConsoleError;
}

export const historyLimit = 200;
export const capacityHourChoices = [1, 3, 6, 12, 24] as const;

export interface AutomationState {
  rules: AutomationRuleView[];
  runner: AutomationRunnerView | null;
  loading: boolean;
  /** Why the rules could not be read; kind 'not_available' while this build has no automation engine. */
  error: ConsoleError | null;
  selectedId: AutomationRuleId | null;
  /** Settings the lead is editing, per rule; absent means the form shows what is stored. */
  drafts: Partial<Record<AutomationRuleId, SettingsDraft>>;
  problems: Partial<Record<AutomationRuleId, SettingProblems>>;
  saving: AutomationRuleId | null;
  savedAt: Partial<Record<AutomationRuleId, number>>;
  toggling: AutomationRuleId | null;
  running: ManualRun | null;
  lastRun: Partial<Record<AutomationRuleId, ManualRunResult>>;
  history: Partial<Record<AutomationRuleId, AutomationDecision[]>>;
  historyError: ConsoleError | null;
  clearing: { ruleId: AutomationRuleId; campaignId: string } | null;
  failure: ActionFailure | null;
  capacity: CapacitySeries | null;
  capacityHours: number;
  capacityError: ConsoleError | null;
  load(): Promise<void>;
  select(ruleId: AutomationRuleId): void;
  setEnabled(ruleId: AutomationRuleId, enabled: boolean): Promise<void>;
  editSetting(ruleId: AutomationRuleId, key: string, text: string): void;
  /** Back to the stored settings, dropping the lead's edits. */
  discardSettings(ruleId: AutomationRuleId): void;
  saveSettings(ruleId: AutomationRuleId): Promise<void>;
  runOnce(ruleId: AutomationRuleId, dryRun: boolean): Promise<void>;
  /** Cancels the run started here; it ends with what was written before the cancel. */
  cancelRun(): Promise<void>;
  loadHistory(ruleId: AutomationRuleId): Promise<void>;
  clearHold(ruleId: AutomationRuleId, campaignId: string): Promise<void>;
  loadCapacity(hours?: number): Promise<void>;
  dismissFailure(): void;
  /** Follows automation:changed and the manual run's progress; returns the unsubscribe. */
  watch(): () => void;
}

export type AutomationStore = StoreApi<AutomationState>;

/** The draft the form shows for a rule: the lead's edits, else the stored settings. */
export function formDraft(state: Pick<AutomationState, 'drafts' | 'rules'>, ruleId: AutomationRuleId): SettingsDraft | null {
  const edited = state.drafts[ruleId];
  if (edited) return edited;
  const rule = state.rules.find((r) => r.id === ruleId);
  return rule ? draftOf(ruleId, rule.settings) : null;
}

export const runIdPrefix = (ruleId: AutomationRuleId) => `automation:${ruleId}:`;

export function createAutomationStore(api: ConsoleApi): AutomationStore {
  return createStore<AutomationState>((set, get) => {
    const titleOf = (ruleId: AutomationRuleId) => get().rules.find((r) => r.id === ruleId)?.title ?? ruleId;
    const replaceRule = (rule: AutomationRuleView) => set({ rules: get().rules.map((r) => (r.id === rule.id ? rule : r)) });
    const fail = (ruleId: AutomationRuleId, what: string, thrown: unknown) => set({ failure: { ruleId, what, error: errorOf(thrown) } });
    const campaignName = (ruleId: AutomationRuleId, campaignId: string) =>
      get()
        .rules.find((r) => r.id === ruleId)
        ?.holds.find((h) => h.campaignId === campaignId)?.campaignName ?? campaignId;

    return {
      rules: [],
      runner: null,
      loading: false,
      error: null,
      selectedId: null,
      drafts: {},
      problems: {},
      saving: null,
      savedAt: {},
      toggling: null,
      running: null,
      lastRun: {},
      history: {},
      historyError: null,
      clearing: null,
      failure: null,
      capacity: null,
      capacityHours: 6,
      capacityError: null,
      async load() {
        set({ loading: true });
        try {
          const { rules, runner } = await api.call('automation:rules', {});
          const before = get().selectedId;
          const selectedId = before ?? rules[0]?.id ?? null;
          set({ rules, runner, loading: false, error: null, selectedId });
          if (!before && selectedId) void get().loadHistory(selectedId);
        } catch (thrown) {
          set({ loading: false, error: errorOf(thrown) });
        }
      },
      select(ruleId) {
        if (get().selectedId === ruleId) return;
        set({ selectedId: ruleId, historyError: null });
        void get().loadHistory(ruleId);
      },
      async setEnabled(ruleId, enabled) {
        set({ toggling: ruleId, failure: null });
        try {
          replaceRule(await api.call('automation:setEnabled', { ruleId, enabled }));
        } catch (thrown) {
          fail(ruleId, `${enabled ? 'Enabling' : 'Disabling'} ${titleOf(ruleId)}`, thrown);
        } finally {
          set({ toggling: null });
        }
      },
      editSetting(ruleId, key, text) {
        const draft = formDraft(get(), ruleId);
        if (!draft) return;
        const problems = { ...get().problems[ruleId] };
        delete problems[key];
        delete problems[''];
        set({ drafts: { ...get().drafts, [ruleId]: { ...draft, [key]: text } }, problems: { ...get().problems, [ruleId]: problems } });
      },
      discardSettings(ruleId) {
        const drafts = { ...get().drafts };
        const problems = { ...get().problems };
        delete drafts[ruleId];
        delete problems[ruleId];
        set({ drafts, problems });
      },
      async saveSettings(ruleId) {
        const draft = formDraft(get(), ruleId);
        if (!draft) return;
        const checked = settingsOf(ruleId, draft);
        if (!checked.ok) {
          set({ problems: { ...get().problems, [ruleId]: checked.problems } });
          return;
        }
        set({ saving: ruleId, failure: null, problems: { ...get().problems, [ruleId]: {} } });
        try {
          replaceRule(await api.call('automation:updateSettings', { ruleId, settings: checked.settings }));
          get().discardSettings(ruleId);
          set({ savedAt: { ...get().savedAt, [ruleId]: Date.now() } });
        } catch (thrown) {
          const error = errorOf(thrown);
          // A refusal that names settings goes beside them; anything else is a notice for the whole form.
          const named: SettingProblems = {};
          for (const detail of error.details ?? []) {
            const key = settingOfPath(ruleId, detail.path);
            if (key) named[key] ??= detail.message;
          }
          if (Object.keys(named).length > 0) set({ problems: { ...get().problems, [ruleId]: named } });
          else fail(ruleId, `Saving the settings of ${titleOf(ruleId)}`, thrown);
        } finally {
          set({ saving: null });
        }
      },
      async runOnce(ruleId, dryRun) {
        if (get().running) return;
        set({ running: { ruleId, dryRun, progress: null }, failure: null });
        try {
          const result = await api.call('automation:runOnce', { ruleId, dryRun });
          set({ lastRun: { ...get().lastRun, [ruleId]: result } });
        } catch (thrown) {
          fail(ruleId, `${dryRun ? 'Dry run' : 'Run'} of ${titleOf(ruleId)}`, thrown);
        } finally {
          set({ running: null });
        }
        await Promise.all([get().load(), get().loadHistory(ruleId), ruleId === 'capacity' ? get().loadCapacity() : undefined]);
      },
      async cancelRun() {
        const running = get().running;
        if (!running || running.cancelling) return;
        set({ running: { ...running, cancelling: true } });
        try {
          await api.call('automation:cancelRun', { ruleId: running.ruleId });
        } catch (thrown) {
          fail(running.ruleId, `Cancelling the ${running.dryRun ? 'dry run' : 'run'} of ${titleOf(running.ruleId)}`, thrown);
          const still = get().running;
          if (still) set({ running: { ...still, cancelling: false } });
        }
      },
      async loadHistory(ruleId) {
        try {
          const decisions = await api.call('automation:history', { ruleId, limit: historyLimit });
          set({ history: { ...get().history, [ruleId]: decisions }, historyError: null });
        } catch (thrown) {
          set({ historyError: errorOf(thrown) });
        }
      },
      async clearHold(ruleId, campaignId) {
        set({ clearing: { ruleId, campaignId }, failure: null });
        try {
          replaceRule(await api.call('automation:clearHold', { ruleId, campaignId }));
        } catch (thrown) {
          fail(ruleId, `Clearing the override on ${campaignName(ruleId, campaignId)}`, thrown);
        } finally {
          set({ clearing: null });
        }
      },
      async loadCapacity(hours) {
        const wanted = hours ?? get().capacityHours;
        set({ capacityHours: wanted });
        try {
          const capacity = await api.call('automation:capacitySeries', { hours: wanted });
          if (get().capacityHours === wanted) set({ capacity, capacityError: null });
        } catch (thrown) {
          set({ capacityError: errorOf(thrown) });
        }
      },
      dismissFailure() {
        set({ failure: null });
      },
      watch() {
        const stopChanged = api.on('automation:changed', ({ ruleId }) => {
          void get().load();
          const selected = get().selectedId;
          if (selected && (ruleId === null || ruleId === selected)) void get().loadHistory(selected);
          if (ruleId === null || ruleId === 'capacity') void get().loadCapacity();
        });
        const stopProgress = api.on('runs:progress', (progress) => {
          const running = get().running;
          if (progress.kind !== 'automation' || !running || !progress.runId.startsWith(runIdPrefix(running.ruleId))) return;
          set({ running: { ...running, progress } });
        });
        return () => {
          stopChanged();
          stopProgress();
        };
      },
    };
  });
}

const automationStoreContext = createStoreContext<AutomationState>('automation');
export const AutomationStoreProvider = automationStoreContext.Provider;
export const useAutomationStore = automationStoreContext.useSelector;
