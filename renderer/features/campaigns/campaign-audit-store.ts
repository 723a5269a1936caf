import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { auditQueryMatcher } from '../../../shared/audit/audit-query';
import { mergeEntries } from '../../../shared/audit/merge-entries';
import type { ConsoleError } from '../../../shared/errors';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';

export interface CampaignAuditState {
  /** The campaign whose entries these are (the drawer shows one at a time). */
  campaignId: string | null;
  entries: AuditEntry[];
  loading: boolean;
  error: ConsoleError | null;
  /** Reads the newest `limit` entries about one campaign and keeps them current until the returned function is called. */
  watch(campaignId: string, limit: number): () => void;
}

export type CampaignAuditStore = StoreApi<CampaignAuditState>;

export function createCampaignAuditStore(api: ConsoleApi): CampaignAuditStore {
  let watching = 0;
  return createStore<CampaignAuditState>((set, get) => ({
    campaignId: null,
    entries: [],
    loading: false,
    error: null,
    watch(campaignId, limit) {
      const mine = ++watching;
      const current = () => mine === watching;
      const matches = auditQueryMatcher({ campaignId });
      set({ campaignId, entries: [], loading: true, error: null });
      const off = api.on('audit:appended', (entry) => {
        if (current() && matches(entry)) set({ entries: mergeEntries(get().entries, [entry]).slice(0, limit) });
      });
      api.call('audit:query', { campaignId, limit }).then(
        (page) => {
          if (current()) set({ entries: mergeEntries(page.entries, get().entries).slice(0, limit), loading: false, error: null });
        },
        (thrown: unknown) => {
          if (current()) set({ loading: false, error: errorOf(thrown) });
        },
      );
      return () => {
        if (current()) watching++;
        off();
      };
    },
  }));
}

const campaignAuditStoreContext = createStoreContext<CampaignAuditState>('campaignAudit');
export const CampaignAuditStoreProvider = campaignAuditStoreContext.Provider;
export const useCampaignAuditStore = campaignAuditStoreContext.useSelector;
