import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuditChainReport } from '../../../shared/audit/audit-chain';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { auditQueryMatcher } from '../../../shared/audit/audit-query';
import { mergeEntries } from '../../../shared/audit/merge-entries';
import type { ConsoleError } from '../../../shared/errors';
import type { AuditExport } from '../../../shared/audit/audit-export';
import type { AuditFilters } from '../../../shared/audit/audit-filters';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';
import { downloadCsv } from './download-csv';
import { emptyAuditFilterForm, toAuditFilters, type AuditFilterForm } from './audit-filters';

export const auditPageSize = 200;
/** Typing in a text filter waits this long before asking again, so each keystroke is not a query. */
const typingDelayMs = 250;

export interface AuditState {
  form: AuditFilterForm;
  /** The filters of the list on screen; live entries are matched against them. */
  applied: AuditFilters;
  formProblem: string | null;
  entries: AuditEntry[];
  nextCursor: number | null;
  hasMore: boolean;
  loading: boolean;
  loadingOlder: boolean;
  loadError: ConsoleError | null;
  exporting: boolean;
  exported: AuditExport | null;
  exportError: ConsoleError | null;
  verifying: boolean;
  verified: AuditChainReport | null;
  verifyError: ConsoleError | null;
  /** Campaigns the console knows, as [id, name], for the campaign filter's suggestions. */
  knownCampaigns: readonly (readonly [string, string])[];
  start(): () => void;
  setForm(change: Partial<AuditFilterForm>, options?: { typing?: boolean }): void;
  resetForm(): void;
  reload(): Promise<void>;
  loadOlder(): Promise<void>;
  exportCsv(): Promise<void>;
  verify(): Promise<void>;
  /** Filters to one campaign (the app's navigation then shows the Audit log). */
  showCampaign(campaignId: string): void;
}

export type AuditStore = StoreApi<AuditState>;

export function createAuditStore(api: ConsoleApi): AuditStore {
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the Audit log is on screen (between start and its cleanup). */
  let started = false;

  return createStore<AuditState>((set, get) => ({
    form: emptyAuditFilterForm,
    applied: {},
    formProblem: null,
    entries: [],
    nextCursor: null,
    hasMore: false,
    loading: false,
    loadingOlder: false,
    loadError: null,
    exporting: false,
    exported: null,
    exportError: null,
    verifying: false,
    verified: null,
    verifyError: null,
    knownCampaigns: [],
    start() {
      started = true;
      const off = api.on('audit:appended', (entry) => {
        if (!auditQueryMatcher(get().applied)(entry)) return;
        set({ entries: mergeEntries(get().entries, [entry]) });
      });
      api.call('campaigns:snapshot', {}).then(
        (snapshot) => set({ knownCampaigns: snapshot.campaigns.map((campaign) => [campaign.id, campaign.name] as const) }),
        () => undefined,
      );
      void get().reload();
      return () => {
        started = false;
        off();
        if (typingTimer) clearTimeout(typingTimer);
      };
    },
    setForm(change, options) {
      set({ form: { ...get().form, ...change } });
      if (typingTimer) clearTimeout(typingTimer);
      if (options?.typing) typingTimer = setTimeout(() => void get().reload(), typingDelayMs);
      else void get().reload();
    },
    resetForm() {
      get().setForm(emptyAuditFilterForm);
    },
    async reload() {
      const parsed = toAuditFilters(get().form, new Date());
      if (!parsed.ok) {
        set({ formProblem: parsed.problem });
        return;
      }
      const mine = ++generation;
      set({ formProblem: null, applied: parsed.filters, loading: true, loadError: null, exported: null, exportError: null });
      try {
        const page = await api.call('audit:query', { ...parsed.filters, limit: auditPageSize });
        if (mine !== generation) return;
        // Entries that arrived live while the page was read are kept; the matcher already vetted them.
        const newest = page.entries[0]?.seq ?? 0;
        const live = get().entries.filter((entry) => entry.seq > newest && auditQueryMatcher(parsed.filters)(entry));
        set({ entries: mergeEntries(page.entries, live), nextCursor: page.nextCursor, hasMore: page.hasMore, loading: false });
      } catch (thrown) {
        if (mine === generation) set({ loading: false, loadError: errorOf(thrown) });
      }
    },
    async loadOlder() {
      const { nextCursor, applied, loadingOlder } = get();
      if (nextCursor === null || loadingOlder) return;
      const mine = generation;
      set({ loadingOlder: true, loadError: null });
      try {
        const page = await api.call('audit:query', { ...applied, limit: auditPageSize, before: nextCursor });
        if (mine !== generation) return;
        set({ entries: mergeEntries(get().entries, page.entries), nextCursor: page.nextCursor, hasMore: page.hasMore, loadingOlder: false });
      } catch (thrown) {
        if (mine === generation) set({ loadingOlder: false, loadError: errorOf(thrown) });
        else set({ loadingOlder: false });
      }
    },
    async exportCsv() {
      if (get().exporting) return;
      set({ exporting: true, exported: null, exportError: null });
      try {
        const exported = await api.call('audit:exportCsv', get().applied);
        if (exported.csv !== null) downloadCsv(exported.fileName, exported.csv);
        set({ exporting: false, exported });
      } catch (thrown) {
        set({ exporting: false, exportError: errorOf(thrown) });
      }
    },
    async verify() {
      if (get().verifying) return;
      set({ verifying: true, verified: null, verifyError: null });
      try {
        set({ verifying: false, verified: await api.call('audit:verify', {}) });
      } catch (thrown) {
        set({ verifying: false, verifyError: errorOf(thrown) });
      }
    },
    showCampaign(campaignId) {
      if (typingTimer) clearTimeout(typingTimer);
      // Another screen is showing: the Audit log loads with this form when it mounts (start).
      set({ form: { ...emptyAuditFilterForm, campaignId }, entries: [], nextCursor: null, hasMore: false });
      if (started) void get().reload();
    },
  }));
}

const auditStoreContext = createStoreContext<AuditState>('audit');
export const AuditStoreProvider = auditStoreContext.Provider;
export const useAuditStore = auditStoreContext.useSelector;
