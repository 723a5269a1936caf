import type { AutomationDecision, AutomationRunnerView, RuleTickSummary } from '../../../shared/automation/automation-rules';

export type Tone = 'ok' | 'warn' | 'danger' | 'info' | 'neutral';

/** Red only where a person is needed: a failed write. A dry run's "would apply" is information, not an alarm. */
export const outcomeStyles: Record<AutomationDecision['outcome'], { tone: Tone; label: string }> = {
  applied: { tone: 'ok', label: 'Applied' },
  'would-apply': { tone: 'info', label: 'Would apply' },
  unchanged: { tone: 'neutral', label: 'Unchanged' },
  skipped: { tone: 'neutral', label: 'Skipped' },
  failed: { tone: 'danger', label: 'Failed' },
};

export const actionLabels: Record<AutomationDecision['action'], string> = {
  pause: 'Pause',
  resume: 'Resume',
  keep: 'Keep',
  'set-limit': 'Set limit',
};

export const tickResultStyles: Record<RuleTickSummary['result'], { tone: Tone; label: string }> = {
  ok: { tone: 'ok', label: 'OK' },
  partial: { tone: 'warn', label: 'Partial' },
  failed: { tone: 'danger', label: 'Failed' },
  cancelled: { tone: 'neutral', label: 'Cancelled' },
};

export const runnerKindLabels: Record<NonNullable<AutomationRunnerView['holder']>['kind'], string> = {
  'this-app': 'This app',
  cli: 'The command line',
  'other-app': 'Another copy of the app',
};

export const runnerModeLabels: Record<AutomationRunnerView['mode'], string> = {
  'data-folder': 'one computer (data folder lock)',
  redis: 'shared through Redis',
};

const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();

/** An instant on the viewer's clock: "19:02:11" today, "Tue 01 Dec 19:02" otherwise. */
export function clockTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  if (sameDay(at, new Date(now))) return at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return at.toLocaleString('en-GB', { weekday: 'short', day: '2-digit', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** The viewer's time zone as times here name it: "UTC", "CET", "GMT-6". */
export function zoneName(at = Date.now()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZoneName: 'short' }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? '';
}

/**
 * An instant inside a sentence, on the viewer's clock with its zone named: "14:30 UTC" today,
 * "Fri 04 Dec 14:30 UTC" another day. Minutes only: an alert's end or a resume is not to the second.
 */
export function zonedTime(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '—';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };
  if (sameDay(at, new Date(now))) return at.toLocaleTimeString('en-GB', options);
  return at.toLocaleString('en-GB', { weekday: 'short', day: '2-digit', month: 'short', ...options }).replace(',', '');
}

/** "in 4 min", "12 s ago", "now". */
export function relativeTime(iso: string | null | undefined, now: number): string {
  if (!iso) return '';
  const ms = Date.parse(iso) - now;
  if (Number.isNaN(ms)) return '';
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 5) return 'now';
  const size = seconds < 60 ? `${seconds} s` : seconds < 3600 ? `${Math.round(seconds / 60)} min` : `${(seconds / 3600).toFixed(1)} h`;
  return ms > 0 ? `in ${size}` : `${size} ago`;
}

/** A tick's decisions by outcome, the way a lead reads them: "2 applied · 5 unchanged". */
export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${n} ${(outcomeStyles[outcome as AutomationDecision['outcome']]?.label ?? outcome).toLowerCase()}`);
  return parts.length > 0 ? parts.join(' · ') : 'no campaigns';
}

const isoInstant = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})/g;

/**
 * A decision's reason for a person: the instants the rule wrote in ISO form (kept so in the history,
 * the audit log and the command line's JSON) shown on the viewer's clock, its zone named.
 */
export function readableReason(reason: string, now = Date.now()): string {
  return reason.replace(isoInstant, (instant) => zonedTime(instant, now));
}

/** The facts a decision rests on, one short phrase each. */
export function evidenceParts(evidence: AutomationDecision['evidence'], now = Date.now()): string[] {
  const parts: string[] = [];
  for (const alert of evidence.alerts ?? []) {
    const ends = alert.endsAt ? `, ends ${zonedTime(alert.endsAt, now)}` : '';
    parts.push(`${alert.severity}${alert.event ? ` ${alert.event}` : ''}${ends}`);
  }
  if (evidence.region) parts.push(`area ${evidence.region}`);
  if (evidence.resumesAt) parts.push(`resumes ${zonedTime(evidence.resumesAt, now)} unless an alert returns`);
  if (evidence.availableAgents !== undefined) parts.push(`${evidence.availableAgents} ${evidence.availableAgents === 1 ? 'agent' : 'agents'} available`);
  if (evidence.newLimit !== undefined) parts.push(`limit ${evidence.oldLimit ?? 'none'} → ${evidence.newLimit}`);
  else if (evidence.oldLimit !== undefined && evidence.oldLimit !== null) parts.push(`limit ${evidence.oldLimit}`);
  return parts;
}
