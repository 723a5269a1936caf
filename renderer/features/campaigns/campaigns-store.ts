import { createStore, type StoreApi } from 'zustand/vanilla';
import type { StatusChangeResult } from '../../../shared/campaigns/status-change';
import type { ConsoleError } from '../../../shared/errors';
import type { RunProgressOf } from '../../../shared/runs/run-progress';
import type { CampaignSnapshot } from '../../../shared/campaigns/campaign-snapshot';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';

export interface CampaignFilters {
  text: string;
  status: string;
  region: string;
  dialerType: string;
}

export interface CampaignsState {
  snapshot: CampaignSnapshot | null;
  filters: CampaignFilters;
  selected: ReadonlySet<string>;
  drawerId: string | null;
  lastAction: { label: string; results: StatusChangeResult[] } | null;
  /** A pause or resume on more than one campaign, until the tenant has answered for all of them. */
  runningAction: { label: string; progress: RunProgressOf<'bulk-status'> } | null;
  actionError: ConsoleError | null;
  start(): () => void;
  refresh(): Promise<void>;
  setFilter(change: Partial<CampaignFilters>): void;
  toggleSelected(id: string): void;
  setSelection(ids: readonly string[]): void;
  openDrawer(id: string | null): void;
  setStatus(ids: readonly string[], status: 'running' | 'paused'): Promise<void>;
  cancelAction(): Promise<void>;
  dismissResults(): void;
}

export type CampaignsStore = StoreApi<CampaignsState>;

export const createCampaignsStore = (api: ConsoleApi): CampaignsStore =>
  createStore<CampaignsState>((set, get) => ({
    snapshot: null,
    filters: { text: '', status: '', region: '', dialerType: '' },
    selected: new Set(),
    drawerId: null,
    lastAction: null,
    runningAction: null,
    actionError: null,
    start() {
      const offChanged = api.on('campaigns:changed', (snapshot) => set({ snapshot }));
      const offProgress = api.on('runs:progress', (progress) => {
        const running = get().runningAction;
        if (progress.kind === 'bulk-status' && running && running.progress.runId === progress.runId) set({ runningAction: { ...running, progress } });
      });
      const off = () => {
        offChanged();
        offProgress();
      };
      api.call('campaigns:snapshot', {}).then(
        (snapshot) => set({ snapshot }),
        (thrown: unknown) => set({ actionError: errorOf(thrown) }),
      );
      return off;
    },
    async refresh() {
      try {
        set({ snapshot: await api.call('campaigns:refresh', {}) });
      } catch (thrown) {
        set({ actionError: errorOf(thrown) });
      }
    },
    setFilter: (change) => set({ filters: { ...get().filters, ...change } }),
    toggleSelected(id) {
      const selected = new Set(get().selected);
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
      set({ selected });
    },
    setSelection: (ids) => set({ selected: new Set(ids) }),
    openDrawer: (drawerId) => set({ drawerId }),
    async setStatus(ids, status) {
      const label = `${status === 'paused' ? 'Pause' : 'Resume'} ${ids.length === 1 ? '1 campaign' : `${ids.length} campaigns`}`;
      const actionId = ids.length > 1 ? crypto.randomUUID() : undefined;
      const started: RunProgressOf<'bulk-status'> | null = actionId
        ? { runId: actionId, kind: 'bulk-status', state: 'running', done: 0, total: ids.length, counts: {}, detail: { target: status } }
        : null;
      set({ actionError: null, ...(started ? { runningAction: { label, progress: started } } : {}) });
      try {
        const results = await api.call('campaigns:setStatus', { ids: [...ids], status, ...(actionId ? { actionId } : {}) });
        set({ lastAction: { label, results } });
      } catch (thrown) {
        set({ actionError: errorOf(thrown) });
      } finally {
        if (actionId && get().runningAction?.progress.runId === actionId) set({ runningAction: null });
      }
    },
    async cancelAction() {
      const running = get().runningAction;
      if (!running) return;
      try {
        await api.call('campaigns:cancelAction', { actionId: running.progress.runId });
      } catch (thrown) {
        set({ actionError: errorOf(thrown) });
      }
    },
    dismissResults: () => set({ lastAction: null }),
  }));

const campaignsStoreContext = createStoreContext<CampaignsState>('campaigns');
export const CampaignsStoreProvider = campaignsStoreContext.Provider;
export const useCampaignsStore = campaignsStoreContext.useSelector;
