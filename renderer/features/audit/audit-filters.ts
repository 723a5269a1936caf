import type { AuditActor, AuditOutcome } from '../../../shared/audit/audit-entry';
import type { AuditFilters } from '../../../shared/audit/audit-filters';

export const timeRanges = [
  { id: 'all', label: 'All time', hours: null },
  { id: '1h', label: 'Last hour', hours: 1 },
  { id: '24h', label: 'Last 24 hours', hours: 24 },
  { id: '7d', label: 'Last 7 days', hours: 24 * 7 },
  { id: '30d', label: 'Last 30 days', hours: 24 * 30 },
  { id: 'custom', label: 'Custom…', hours: null },
] as const;
export type TimeRangeId = (typeof timeRanges)[number]['id'];

/** What the filter bar holds: strings as typed, '' meaning "any". */
export interface AuditFilterForm {
  range: TimeRangeId;
  /** `<input type="datetime-local">` values (local time), used when range is 'custom'. */
  customFrom: string;
  customTo: string;
  actorType: '' | AuditActor['type'];
  actorName: string;
  campaignId: string;
  outcome: '' | AuditOutcome;
  text: string;
}

export const emptyAuditFilterForm: AuditFilterForm = {
  range: 'all',
  customFrom: '',
  customTo: '',
  actorType: '',
  actorName: '',
  campaignId: '',
  outcome: '',
  text: '',
};

export type FiltersOrProblem = { ok: true; filters: AuditFilters } | { ok: false; problem: string };

/** A datetime-local value ("2025-03-01T09:30") read as local time; null when empty or not a time. */
export function localInputToIso(value: string): string | null {
  if (value.trim() === '') return null;
  const time = new Date(value).getTime();
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * Turns the form into the request filters, dropping what is empty. Relative ranges are
 * taken back from `now` and left open at the end, so entries appended later still match.
 */
export function toAuditFilters(form: AuditFilterForm, now: Date): FiltersOrProblem {
  const filters: AuditFilters = {};
  const range = timeRanges.find((r) => r.id === form.range);
  if (range?.hours) filters.from = new Date(now.getTime() - range.hours * 3_600_000).toISOString();
  if (form.range === 'custom') {
    const from = localInputToIso(form.customFrom);
    const to = localInputToIso(form.customTo);
    if (form.customFrom.trim() !== '' && from === null) return { ok: false, problem: 'The start of the time range is not a valid date and time.' };
    if (form.customTo.trim() !== '' && to === null) return { ok: false, problem: 'The end of the time range is not a valid date and time.' };
    if (from && to && Date.parse(from) > Date.parse(to)) return { ok: false, problem: 'The end of the time range is before its start.' };
    if (from) filters.from = from;
    // A minute picked as the end includes that whole minute.
    if (to) filters.to = new Date(Date.parse(to) + 59_999).toISOString();
  }
  if (form.actorType) filters.actorType = form.actorType;
  if (form.actorName.trim()) filters.actorName = form.actorName.trim();
  if (form.campaignId.trim()) filters.campaignId = form.campaignId.trim();
  if (form.outcome) filters.outcome = form.outcome;
  if (form.text.trim()) filters.text = form.text.trim();
  return { ok: true, filters };
}

/** True when nothing narrows the list. */
export const isUnfiltered = (form: AuditFilterForm): boolean =>
  form.range === 'all' && !form.actorType && !form.actorName.trim() && !form.campaignId.trim() && !form.outcome && !form.text.trim();

/** Reads a <select>'s value back as one of its options ('' for "any"), without a cast. */
export function optionOf<T extends string>(options: readonly T[], value: string): T | '' {
  return options.find((option) => option === value) ?? '';
}

export const timeRangeOf = (value: string): TimeRangeId => timeRanges.find((range) => range.id === value)?.id ?? 'all';
