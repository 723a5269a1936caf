import * as z from 'zod';
import type { ConflictAgent, ConflictCampaign } from './schedule-conflicts';
import { expandCallingWindows, type WindowSchedule } from './calling-windows';
import { localDate } from './local-time';

export const timelineCampaignSchema = z.object({
  id: z.string(),
  name: z.string(),
  timezone: z.string(),
  /** The campaign's `agentAllocation`: agents it needs while a window is open. */
  agentsNeeded: z.number(),
  /** Agents whose skills name this campaign (§4.7). */
  agentsSkilled: z.number(),
  windows: z.array(z.object({ startMs: z.number(), endMs: z.number() })),
});

/** A stretch when the campaigns open at once need more agents than the tenant has for them; `needed`/`available` at its worst moment. */
export const overloadSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  campaignIds: z.array(z.string()),
  needed: z.number(),
  available: z.number(),
});

export const staffingTimelineSchema = z.object({
  fromMs: z.number(),
  toMs: z.number(),
  campaigns: z.array(timelineCampaignSchema),
  /** Agents needed over time: a step each time a window opens or closes. */
  demand: z.array(z.object({ atMs: z.number(), needed: z.number(), available: z.number() })),
  overloaded: z.array(overloadSchema),
  agents: z.number(),
});
export type StaffingTimeline = z.infer<typeof staffingTimelineSchema>;
export type Overload = z.infer<typeof overloadSchema>;

export interface TimelineCampaign extends ConflictCampaign {
  agentAllocation: number;
}

const dayMs = 24 * 3600_000;

/**
 * Every scheduled campaign's windows over [fromMs, fromMs + days) with the agents it needs,
 * against the agents skilled for it. A stretch is overloaded when a campaign open in it needs
 * more agents than are skilled for it, or when the campaigns open at once need more than all
 * agents skilled for any of them together (Hall's condition for the whole set, and for each one).
 */
export function staffingTimeline(
  campaigns: readonly TimelineCampaign[],
  agents: readonly ConflictAgent[],
  range: { fromMs: number; days: number },
): StaffingTimeline {
  const toMs = range.fromMs + range.days * dayMs;
  const skilled = (ids: ReadonlySet<string>) => agents.filter((agent) => agent.skills.some((skill) => ids.has(skill))).length;
  const rows = campaigns
    .filter((campaign) => campaign.schedule !== null)
    .map((campaign) => {
      const schedule = campaign.schedule as WindowSchedule;
      const expansion = expandCallingWindows(schedule, { from: localDate(range.fromMs - dayMs, schedule.timezone), days: range.days + 2 });
      const windows = expansion.ok
        ? expansion.windows
            .filter((window) => window.startMs < toMs && window.endMs > range.fromMs)
            .map((window) => ({ startMs: Math.max(window.startMs, range.fromMs), endMs: Math.min(window.endMs, toMs) }))
        : [];
      return {
        id: campaign.id,
        name: campaign.name,
        timezone: schedule.timezone,
        agentsNeeded: campaign.agentAllocation,
        agentsSkilled: skilled(new Set([campaign.id])),
        windows,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  const edges = [...new Set([range.fromMs, toMs, ...rows.flatMap((row) => row.windows.flatMap((w) => [w.startMs, w.endMs]))])].sort((a, b) => a - b);
  const demand: StaffingTimeline['demand'] = [];
  const overloaded: Overload[] = [];
  for (let index = 0; index + 1 < edges.length; index++) {
    const startMs = edges[index] as number;
    const endMs = edges[index + 1] as number;
    const open = rows.filter((row) => row.windows.some((w) => w.startMs <= startMs && w.endMs >= endMs));
    const needed = open.reduce((sum, row) => sum + row.agentsNeeded, 0);
    const available = skilled(new Set(open.map((row) => row.id)));
    demand.push({ atMs: startMs, needed, available });
    const short = needed > available || open.some((row) => row.agentsNeeded > row.agentsSkilled);
    if (!short) continue;
    const campaignIds = open.map((row) => row.id);
    const last = overloaded.at(-1);
    if (last && last.endMs === startMs) {
      // One stretch while the shortage lasts: every campaign open in it, figures at its worst moment.
      last.endMs = endMs;
      last.campaignIds = [...new Set([...last.campaignIds, ...campaignIds])];
      if (needed - available > last.needed - last.available) Object.assign(last, { needed, available });
    } else overloaded.push({ startMs, endMs, campaignIds, needed, available });
  }
  return { fromMs: range.fromMs, toMs, campaigns: rows, demand, overloaded, agents: agents.length };
}
