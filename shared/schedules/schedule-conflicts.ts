import { expandCallingWindows, type CallingWindow, type WindowSchedule } from './calling-windows';
import { localDate, localIso } from './local-time';

export interface ConflictCampaign {
  id: string;
  name: string;
  contactListId: string;
  schedule: WindowSchedule | null;
}

export interface ConflictAgent {
  userId: string;
  skills: readonly string[];
}

export type ConflictReason = 'SHARED_CONTACT_LIST' | 'SHARED_AGENTS';

/** An overlap of two campaigns' calling windows, rendered in each campaign's own zone. */
export interface ConflictOverlap {
  start: string;
  end: string;
  first: { timezone: string; localStart: string; localEnd: string };
  second: { timezone: string; localStart: string; localEnd: string };
}

export interface ScheduleConflict {
  first: { id: string; name: string };
  second: { id: string; name: string };
  reasons: ConflictReason[];
  /** Agents whose skills include both campaigns. */
  sharedAgents: number;
  overlaps: ConflictOverlap[];
}

export interface ConflictRange {
  fromMs: number;
  days: number;
}

const dayMs = 24 * 3600_000;

/** Windows of a schedule that overlap [fromMs, toMs), expanded a day either side so that no zone falls short. */
function windowsWithin(schedule: WindowSchedule, fromMs: number, toMs: number, days: number): CallingWindow[] {
  const expansion = expandCallingWindows(schedule, { from: localDate(fromMs - dayMs, schedule.timezone), days: days + 2 });
  return expansion.ok ? expansion.windows.filter((window) => window.startMs < toMs && window.endMs > fromMs) : [];
}

/** Strict overlaps of two sorted window lists: one ending 12:00 and the next starting 12:00 do not overlap. */
function overlapsOf(a: readonly CallingWindow[], b: readonly CallingWindow[]): { startMs: number; endMs: number }[] {
  const overlaps: { startMs: number; endMs: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const left = a[i] as CallingWindow;
    const right = b[j] as CallingWindow;
    const startMs = Math.max(left.startMs, right.startMs);
    const endMs = Math.min(left.endMs, right.endMs);
    if (startMs < endMs) overlaps.push({ startMs, endMs });
    if (left.endMs <= right.endMs) i++;
    else j++;
  }
  return overlaps;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Conflicts in absolute time over the range: campaigns that share a contact list (the same
 * people called twice in one window) or agents (§4.7 skills name campaigns) and whose
 * calling windows overlap. Only related pairs are compared, so thousands of campaigns stay cheap.
 */
export function detectScheduleConflicts(campaigns: readonly ConflictCampaign[], agents: readonly ConflictAgent[], range: ConflictRange): ScheduleConflict[] {
  const scheduled = new Map(campaigns.filter((campaign) => campaign.schedule !== null).map((campaign) => [campaign.id, campaign]));
  const pairs = new Map<string, { reasons: Set<ConflictReason>; sharedAgents: number }>();
  const relate = (a: string, b: string, reason: ConflictReason) => {
    if (a === b || !scheduled.has(a) || !scheduled.has(b)) return;
    const key = pairKey(a, b);
    const pair = pairs.get(key) ?? { reasons: new Set<ConflictReason>(), sharedAgents: 0 };
    pair.reasons.add(reason);
    if (reason === 'SHARED_AGENTS') pair.sharedAgents++;
    pairs.set(key, pair);
  };
  const byList = new Map<string, string[]>();
  for (const campaign of scheduled.values()) byList.set(campaign.contactListId, [...(byList.get(campaign.contactListId) ?? []), campaign.id]);
  for (const ids of byList.values()) ids.forEach((a, index) => ids.slice(index + 1).forEach((b) => relate(a, b, 'SHARED_CONTACT_LIST')));
  for (const agent of agents) {
    const skills = [...new Set(agent.skills)];
    skills.forEach((a, index) => skills.slice(index + 1).forEach((b) => relate(a, b, 'SHARED_AGENTS')));
  }

  const toMs = range.fromMs + range.days * dayMs;
  const windowCache = new Map<string, CallingWindow[]>();
  const windowsOf = (campaign: ConflictCampaign) => {
    let windows = windowCache.get(campaign.id);
    if (!windows) {
      windows = windowsWithin(campaign.schedule as WindowSchedule, range.fromMs, toMs, range.days);
      windowCache.set(campaign.id, windows);
    }
    return windows;
  };

  const conflicts: ScheduleConflict[] = [];
  for (const [key, pair] of [...pairs.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const [firstId, secondId] = key.split('|') as [string, string];
    const first = scheduled.get(firstId) as ConflictCampaign;
    const second = scheduled.get(secondId) as ConflictCampaign;
    const overlaps = overlapsOf(windowsOf(first), windowsOf(second)).filter((o) => o.startMs < toMs && o.endMs > range.fromMs);
    if (overlaps.length === 0) continue;
    const firstZone = (first.schedule as WindowSchedule).timezone;
    const secondZone = (second.schedule as WindowSchedule).timezone;
    conflicts.push({
      first: { id: first.id, name: first.name },
      second: { id: second.id, name: second.name },
      reasons: [...pair.reasons].sort(),
      sharedAgents: pair.sharedAgents,
      overlaps: overlaps.map(({ startMs, endMs }) => ({
        start: new Date(startMs).toISOString(),
        end: new Date(endMs).toISOString(),
        first: { timezone: firstZone, localStart: localIso(startMs, firstZone), localEnd: localIso(endMs, firstZone) },
        second: { timezone: secondZone, localStart: localIso(startMs, secondZone), localEnd: localIso(endMs, secondZone) },
      })),
    });
  }
  return conflicts;
}
