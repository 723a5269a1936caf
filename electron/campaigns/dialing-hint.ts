import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as z from 'zod';
import type { RunCampaignRef, TrackedResult } from './stopped-by-run';

const hintSchema = z.object({
  savedAt: z.string(),
  campaigns: z.array(z.object({ id: z.string().min(1), name: z.string(), status: z.string() })),
});

/**
 * The campaigns last seen dialing on one tenant, kept beside the data folder's emergency record
 * so that a command line that knows nothing yet can send its first emergency PATCH before its
 * own listing answers. Only a hint: the listing still runs and adds what the hint missed, and a
 * campaign the hint names that no longer dials counts as not dialing, never as a failure.
 */
export interface DialingHint {
  readonly path: string;
  /** What was saved, or nothing when the file is missing or damaged. */
  read(): RunCampaignRef[];
  /** Saves the campaigns seen dialing, when they differ from what is saved; a failure to write is ignored (the hint is rebuilt next time). */
  write(campaigns: readonly RunCampaignRef[]): void;
}

/** `<dataDir>/campaigns/<record name>.dialing.json` for the record at `<dataDir>/emergency/<record name>.json` (outside the folder the app watches for the record). */
export function dialingHintPathFor(emergencyRecordPath: string): string {
  return join(dirname(dirname(emergencyRecordPath)), 'campaigns', basename(emergencyRecordPath).replace(/\.json$/, '.dialing.json'));
}

/** The hint beside whichever emergency record is the connected tenant's now (one hint per record path). */
export function connectedDialingHint(record: () => { path: string }): () => DialingHint {
  const hints = new Map<string, DialingHint>();
  return () => {
    const path = dialingHintPathFor(record().path);
    let hint = hints.get(path);
    if (!hint) {
      hint = createDialingHint(path);
      hints.set(path, hint);
    }
    return hint;
  };
}

const idsOf = (campaigns: readonly RunCampaignRef[]) =>
  campaigns
    .map((campaign) => campaign.id)
    .sort()
    .join('\n');

export function createDialingHint(path: string, now: () => number = Date.now): DialingHint {
  let savedIds: string | null = null;
  const read = (): RunCampaignRef[] => {
    try {
      const parsed = hintSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      if (!parsed.success) return [];
      savedIds = idsOf(parsed.data.campaigns);
      return parsed.data.campaigns.map((campaign) => ({ id: campaign.id, name: campaign.name, status: campaign.status }));
    } catch {
      return [];
    }
  };
  return {
    path,
    read,
    write(campaigns) {
      if (savedIds === null) read();
      const ids = idsOf(campaigns);
      if (ids === savedIds) return;
      try {
        mkdirSync(dirname(path), { recursive: true });
        const body = JSON.stringify({
          savedAt: new Date(now()).toISOString(),
          campaigns: campaigns.map((campaign) => ({ id: campaign.id, name: campaign.name ?? campaign.id, status: campaign.status ?? 'running' })),
        });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, body);
        renameSync(temporary, path);
        savedIds = ids;
      } catch {
        // A hint that cannot be saved costs the next command line one listing round trip, nothing more.
      }
    },
  };
}

/**
 * A campaign the hint named that the tenant no longer has dialing (completed, a draft, deleted)
 * is one the emergency pause need not stop: reported as not dialing, not as a failure in red.
 */
export function notDialingAnyMore(result: TrackedResult): TrackedResult {
  const status = result.statusAfter;
  if (result.outcome === 'impossible' && status !== null && status !== 'running' && status !== 'activating') {
    return { ...result, outcome: 'already', reason: `Not dialing (${status}); it was on the saved list of campaigns last seen dialing.` };
  }
  if (result.outcome === 'failed' && result.error?.kind === 'not_found') {
    return { ...result, outcome: 'already', reason: 'No longer on the tenant; it was on the saved list of campaigns last seen dialing.' };
  }
  return result;
}

/** The dialing campaigns of a complete, fresh read of the tenant's list; null when the read is not one (never read, or its last refresh failed). */
export function dialingOfSnapshot(snapshot: {
  campaigns: readonly { id: string; name: string; status: string }[];
  fetchedAt: string | null;
  error: unknown;
}): RunCampaignRef[] | null {
  if (snapshot.fetchedAt === null || snapshot.error !== null) return null;
  return snapshot.campaigns
    .filter((campaign) => campaign.status === 'running' || campaign.status === 'activating')
    .map((campaign) => ({ id: campaign.id, name: campaign.name, status: campaign.status }));
}
