import type { DncList, DncRule, RetryPolicy } from '../cxone/schemas';
import { intervalText, proposeRetryClip, worstAttemptBurst, type RetryClip } from './attempt-limit';
import { expandCallingWindows, type ExpansionRange, type ScheduleProblem, type WindowSchedule } from './calling-windows';
import { contactHome, type GateContact } from './contact-home';
import { dayRules, intersect, outside, segmentsByLocalDate, type DayRules, type Interval } from './day-rules';
import { localClock, localDate } from './local-time';
import { federalCallingRule, stateCallingRuleOf } from './state-calling-rules';
import { proposeClip, type ClipProposal } from './clip-proposal';
import { gateRules, type GateRule } from './gate-rules';

/** One way the schedule breaks a rule, as the CLI's JSON and the screen show it. */
export interface GateViolation {
  rule: GateRule;
  timezone: string | null;
  state: string | null;
  contacts: number;
  /** Contact-local HH:mm of the part outside the allowed hours (24:00 = midnight ending the day). */
  localStart: string | null;
  localEnd: string | null;
  /** Contact-local date of the first window that breaks the rule. */
  firstDate: string | null;
  /** The campaign field to fix, for DNC violations. */
  field?: string;
  message: string;
  source?: string;
}

export interface GateVerdict {
  compliant: boolean;
  violations: GateViolation[];
  windows: { start: string; end: string }[];
  unknownTimezoneContacts: number;
  clip: ClipProposal[];
  /** How to bring the retry policy within the strictest calls-per-24 h limit of the contacts' states; null when it is within. */
  retryClip: RetryClip | null;
}

export interface GateInput {
  schedule: WindowSchedule;
  range: ExpansionRange;
  dncRules: readonly DncRule[];
  dncListId: string | null;
  /** The campaign's DNC list as read (§4.5), or null when it does not exist. */
  dncList: Pick<DncList, 'id' | 'state'> | null;
  contacts: Iterable<GateContact>;
  /** The retry policy the campaign will dial with; absent, the calls-per-24 h limits are not checked. */
  retryPolicy?: RetryPolicy | null;
}

export type GateResult = { ok: true; verdict: GateVerdict } | { ok: false; problems: ScheduleProblem[] };

/** The dncRules the gate requires before a schedule is applied (issue #15). */
export const requiredDncRules = ['FCC_MIN_TIME', 'FCC_MAX_TIME', 'STATE_DNC'] as const;

export interface ContactGroup {
  timezone: string;
  state: string | null;
  contacts: number;
}

export function groupContacts(contacts: Iterable<GateContact>): { groups: ContactGroup[]; unknownTimezone: number; total: number } {
  const groups = new Map<string, ContactGroup>();
  let unknownTimezone = 0;
  let total = 0;
  for (const contact of contacts) {
    total++;
    const home = contactHome(contact);
    if (home.timezone === null) {
      unknownTimezone++;
      continue;
    }
    const key = `${home.timezone}|${home.state ?? ''}`;
    const group = groups.get(key);
    if (group) group.contacts++;
    else groups.set(key, { timezone: home.timezone, state: home.state, contacts: 1 });
  }
  return { groups: [...groups.values()], unknownTimezone, total };
}

function dncViolations(input: GateInput, contacts: number): GateViolation[] {
  const present = new Set(input.dncRules.map((rule) => rule.type));
  const violations: GateViolation[] = requiredDncRules
    .filter((type) => !present.has(type))
    .map((type) => ({
      rule: 'DNC_RULE',
      timezone: null,
      state: null,
      contacts,
      localStart: null,
      localEnd: null,
      firstDate: null,
      field: 'dncRules',
      message: `The campaign's dncRules lack ${type}; add it before the schedule is applied.`,
    }));
  const listProblem =
    input.dncListId === null
      ? 'The campaign has no DNC list; set dncListId to an ACTIVE list.'
      : input.dncList === null
        ? `DNC list ${input.dncListId} does not exist; choose an ACTIVE list.`
        : input.dncList.state !== 'ACTIVE'
          ? `DNC list ${input.dncListId} is ${input.dncList.state}; it must be ACTIVE.`
          : null;
  if (listProblem) {
    violations.push({
      rule: 'DNC_LIST',
      timezone: null,
      state: null,
      contacts,
      localStart: null,
      localEnd: null,
      firstDate: null,
      field: 'dncListId',
      message: listProblem,
    });
  }
  return violations;
}

interface PartBreach {
  rule: GateRule;
  part: Interval;
  message: (clock: string) => string;
  source: string;
}

/** The parts of one window's day segment that break a rule, federal first, then the state on top. */
function breachesOf(segment: Interval, rules: DayRules, group: ContactGroup): PartBreach[] {
  const breaches: PartBreach[] = outside(segment, rules.federal).map((part) => ({
    rule: 'FEDERAL_HOURS',
    part,
    message: (clock) => `${clock} in ${group.timezone} is outside the federal 08:00–21:00.`,
    source: federalCallingRule.source,
  }));
  const inside = intersect(segment, rules.federal);
  if (inside === null) return breaches;
  const state = rules.state;
  if (state.kind === 'holiday') {
    breaches.push({
      rule: 'STATE_HOLIDAY',
      part: inside,
      message: () => `${rules.date} is ${state.holiday}, when ${state.rule.name} bans calls.`,
      source: state.rule.source,
    });
  } else if (state.kind === 'sunday') {
    breaches.push({ rule: 'STATE_SUNDAY', part: inside, message: () => `${state.rule.name} bans calls on Sunday (${rules.date}).`, source: state.rule.source });
  } else if (state.kind === 'hours') {
    for (const part of outside(inside, state.allowed)) {
      breaches.push({ rule: 'STATE_HOURS', part, message: (clock) => `${clock} is outside the hours ${state.rule.name} allows.`, source: state.rule.source });
    }
  }
  return breaches;
}

/**
 * The compliance gate: every window of the range as each (zone, state) group of contacts
 * lives it, checked against the federal hours and the stricter state rules, plus the
 * campaign's DNC settings. Violations are grouped by rule, zone, state and local clock span.
 */
export function checkSchedule(input: GateInput): GateResult {
  const expansion = expandCallingWindows(input.schedule, input.range);
  if (!expansion.ok) return { ok: false, problems: expansion.problems };
  const { groups, unknownTimezone, total } = groupContacts(input.contacts);
  const violations = dncViolations(input, total);
  const byKey = new Map<string, GateViolation>();
  const rulesCache = new Map<string, DayRules>();
  const rulesOf = (date: string, group: ContactGroup) => {
    const key = `${date}|${group.timezone}|${group.state ?? ''}`;
    let rules = rulesCache.get(key);
    if (!rules) {
      rules = dayRules(date, group.timezone, group.state);
      rulesCache.set(key, rules);
    }
    return rules;
  };
  const segmentsCache = new Map<string, ReturnType<typeof segmentsByLocalDate>>();
  const segmentsOf = (window: Interval, zone: string) => {
    const key = `${window.startMs}|${zone}`;
    let segments = segmentsCache.get(key);
    if (!segments) {
      segments = segmentsByLocalDate(window, zone, localDate(window.startMs, zone));
      segmentsCache.set(key, segments);
    }
    return segments;
  };
  for (const group of groups) {
    for (const window of expansion.windows) {
      for (const { date, segment } of segmentsOf(window, group.timezone)) {
        for (const breach of breachesOf(segment, rulesOf(date, group), group)) {
          const localStart = localClock(breach.part.startMs, group.timezone);
          const localEnd = localClock(breach.part.endMs, group.timezone, true);
          const key = `${breach.rule}|${group.timezone}|${group.state ?? ''}|${localStart}|${localEnd}`;
          if (byKey.has(key)) continue;
          byKey.set(key, {
            rule: breach.rule,
            timezone: group.timezone,
            state: group.state,
            contacts: group.contacts,
            localStart,
            localEnd,
            firstDate: date,
            message: breach.message(`${localStart}–${localEnd}`),
            source: breach.source,
          });
        }
      }
    }
  }
  const attemptLimit = attemptLimitCheck(input, expansion.windows, groups);
  violations.push(...[...byKey.values(), ...attemptLimit.violations].sort(byRuleThenZone));
  return {
    ok: true,
    verdict: {
      compliant: violations.length === 0,
      violations,
      windows: expansion.windows.map(({ start, end }) => ({ start, end })),
      unknownTimezoneContacts: unknownTimezone,
      clip: proposeClip(expansion.windows, groups, rulesOf, segmentsOf),
      retryClip: attemptLimit.clip,
    },
  };
}

/**
 * Florida, Oklahoma and Maryland allow at most 3 calls per 24 h to one person on one subject
 * (one campaign is one subject): the retry policy's worst 24 h over the schedule's windows,
 * per (zone, state) group of contacts living in such a state. The proposal keeps every
 * attempt and spreads them (a longer interval), which is what a lead usually wants: the same
 * reach, later; capping max attempts at the limit is the other way, named in the message.
 */
function attemptLimitCheck(
  input: GateInput,
  windows: readonly Interval[],
  groups: readonly ContactGroup[],
): { violations: GateViolation[]; clip: RetryClip | null } {
  const policy = input.retryPolicy;
  if (!policy) return { violations: [], clip: null };
  const limited = groups.flatMap((group) => {
    const rule = stateCallingRuleOf(group.state);
    return rule?.callsPer24Hours === undefined ? [] : [{ group, rule, limit: rule.callsPer24Hours }];
  });
  if (limited.length === 0) return { violations: [], clip: null };
  const burst = worstAttemptBurst(windows, policy);
  const over = limited.filter(({ limit }) => burst !== null && burst.attempts > limit);
  if (!burst || over.length === 0) return { violations: [], clip: null };
  const clip = proposeRetryClip(windows, policy, Math.min(...over.map(({ limit }) => limit)));
  const violations = over.map(({ group, rule, limit }): GateViolation => {
    const zone = group.timezone;
    const first = burst.attemptsMs[0] as number;
    const beyond = burst.attemptsMs[limit] as number;
    const fix = clip
      ? ` Keep ${policy.maxAttempts} attempts and retry no sooner than every ${intervalText(clip.retryIntervalMs)}, or cap max attempts at ${clip.maxAttempts}.`
      : '';
    return {
      rule: 'STATE_CALLS_PER_24H',
      timezone: zone,
      state: group.state,
      contacts: group.contacts,
      localStart: null,
      localEnd: null,
      firstDate: localDate(first, zone),
      message:
        `The retry policy (up to ${policy.maxAttempts} attempts, ${intervalText(policy.retryIntervalMs)} apart) can call one contact ${burst.attempts} times within 24 h ` +
        `(from ${localClock(first, zone)} on ${localDate(first, zone)}, attempt ${limit + 1} at ${localClock(beyond, zone)} on ${localDate(beyond, zone)}); ` +
        `${rule.name} allows ${limit} per 24 h on one subject.${fix}`,
      source: rule.source,
    };
  });
  return { violations, clip };
}

const byRuleThenZone = (a: GateViolation, b: GateViolation) =>
  gateRules.indexOf(a.rule) - gateRules.indexOf(b.rule) ||
  (a.timezone ?? '').localeCompare(b.timezone ?? '') ||
  (a.state ?? '').localeCompare(b.state ?? '') ||
  (a.firstDate ?? '').localeCompare(b.firstDate ?? '') ||
  (a.localStart ?? '').localeCompare(b.localStart ?? '');
