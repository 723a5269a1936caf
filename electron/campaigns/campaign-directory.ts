import { Emitter } from '../../shared/base/emitter';
import type { Campaign, RequestedStatus } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import type { CampaignSnapshot } from '../../shared/campaigns/campaign-snapshot';
import type { TenantConnection } from '../tenant/ports';

export interface CampaignDirectory {
  snapshot(): CampaignSnapshot;
  /** Reads every campaign from the tenant now (concurrent callers share one read). */
  refresh(): Promise<CampaignSnapshot>;
  find(id: string): Campaign | undefined;
  markPending(id: string, target: RequestedStatus): void;
  /** The tenant confirmed (or refused) a change: take its answer and drop the pending mark. */
  settle(id: string, campaign: Campaign | null): void;
  onChange(listener: (snapshot: CampaignSnapshot) => void): () => void;
  start(): void;
  stop(): void;
  /** A new tenant: forget everything known about the old one. */
  reset(): void;
}

export interface CampaignDirectoryOptions {
  connection: () => TenantConnection;
  intervalSeconds: () => number;
  now?: () => Date;
}

/**
 * The console's live view of every campaign: a full read every refresh interval, with
 * its time and its last failure kept next to the data so a screen never shows a stale
 * list as if it were fresh.
 */
export function createCampaignDirectory(options: CampaignDirectoryOptions): CampaignDirectory {
  const now = options.now ?? (() => new Date());
  let campaigns = new Map<string, Campaign>();
  let state: CampaignSnapshot = { campaigns: [], fetchedAt: null, error: null, refreshing: false, pending: {} };
  const changed = new Emitter<CampaignSnapshot>();
  let inFlight: Promise<CampaignSnapshot> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let generation = 0;

  const publish = (change: Partial<CampaignSnapshot>) => {
    state = { ...state, ...change };
    changed.fire(state);
  };
  const sorted = () => [...campaigns.values()];

  const readAll = async (): Promise<CampaignSnapshot> => {
    const readGeneration = generation;
    publish({ refreshing: true });
    try {
      const fresh = new Map<string, Campaign>();
      for await (const campaign of options.connection().campaigns.list({ pageSize: 500 })) fresh.set(campaign.id, campaign);
      if (readGeneration !== generation) return state;
      campaigns = fresh;
      publish({ campaigns: sorted(), fetchedAt: now().toISOString(), error: null, refreshing: false });
    } catch (thrown) {
      if (readGeneration !== generation) return state;
      publish({ error: toConsoleError(thrown), refreshing: false });
    }
    return state;
  };

  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(async () => {
      await directory.refresh();
      schedule();
    }, options.intervalSeconds() * 1000);
    timer.unref();
  };

  const directory: CampaignDirectory = {
    snapshot: () => state,
    refresh() {
      inFlight ??= readAll().finally(() => {
        inFlight = null;
      });
      return inFlight;
    },
    find: (id) => campaigns.get(id),
    markPending(id, target) {
      publish({ pending: { ...state.pending, [id]: { target, since: now().toISOString() } } });
    },
    settle(id, campaign) {
      const { [id]: _settled, ...pending } = state.pending;
      if (campaign) campaigns.set(campaign.id, campaign);
      publish({ pending, campaigns: campaign ? sorted() : state.campaigns });
    },
    onChange: changed.event,
    start() {
      void directory.refresh();
      schedule();
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
    reset() {
      generation++;
      campaigns = new Map();
      publish({ campaigns: [], fetchedAt: null, error: null, refreshing: false, pending: {} });
    },
  };
  return directory;
}
