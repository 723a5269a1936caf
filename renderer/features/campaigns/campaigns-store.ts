import { create } from 'zustand';
import type { StatusChangeResult } from '../../../shared/campaigns/status-change';
import type { ConsoleError } from '../../../shared/errors';
import type { CampaignSnapshot } from '../../../shared/ipc/channels/campaigns';
import { api } from '../../api';
import { errorOf } from '../../components/to-console-error';

export interface CampaignFilters {
  text: string;
  status: string;
  region: string;
  dialerType: string;
}

interface CampaignsState {
  snapshot: CampaignSnapshot | null;
  filters: CampaignFilters;
  selected: ReadonlySet<string>;
  drawerId: string | null;
  lastAction: { label: string; results: StatusChangeResult[] } | null;
  actionError: ConsoleError | null;
  start(): () => void;
  refresh(): Promise<void>;
  setFilter(change: Partial<CampaignFilters>): void;
  toggleSelected(id: string): void;
  setSelection(ids: readonly string[]): void;
  openDrawer(id: string | null): void;
  setStatus(ids: readonly string[], status: 'running' | 'paused'): Promise<void>;
  dismissResults(): void;
}

export const useCampaignsStore = create<CampaignsState>((set, get) => ({
  snapshot: null,
  filters: { text: '', status: '', region: '', dialerType: '' },
  selected: new Set(),
  drawerId: null,
  lastAction: null,
  actionError: null,
  start() {
    const off = api.on('campaigns:changed', (snapshot) => set({ snapshot }));
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
    set({ actionError: null });
    try {
      const results = await api.call('campaigns:setStatus', { ids: [...ids], status });
      set({ lastAction: { label, results } });
    } catch (thrown) {
      set({ actionError: errorOf(thrown) });
    }
  },
  dismissResults: () => set({ lastAction: null }),
}));
