import { outcomeCodePattern } from '../cxone/schemas';
import type { ColumnMapping } from './disposition-fields';
import { notesMaxChars, requiredFields } from './disposition-fields';
import { canonicalUtcEpochMsAt } from './disposition-timestamp';
import { bare, plainRowContent, type PlainRowLayout } from './plain-row-content';

export type { PlainRowLayout } from './plain-row-content';
import type { RecordBounds } from './record-bounds';
import type { HashLanes } from './row-content-hash';
import { customKeyToken } from './scan-content-hash';

/** What duplicate detection needs of a valid row: where its campaign and contact IDs lie in the text, its instant and its content hash (scan-content-hash.ts). */
export interface PlainRow extends HashLanes {
  campaignFrom: number;
  campaignTo: number;
  contactFrom: number;
  contactTo: number;
  epochMs: number;
}

/** Checks one record (values in header order, read in place); true and `out` filled when the row is plain. */
export type PlainRowCheck = (text: string, record: RecordBounds, out: PlainRow) => boolean;

/** plainRowCheck without the content hash: true and `out`'s bounds and instant filled when the row is plain. */
export type PlainRowValidator = (text: string, record: RecordBounds, out: PlainRow) => boolean;

const futureToleranceMs = 5 * 60_000;

export function plainRowLayout(headers: readonly string[], mapping: ColumnMapping): PlainRowLayout | null {
  // A header that appears twice is read from its first column, as rawRecord does.
  const column = (header: string | null) => (header === null ? -1 : headers.indexOf(header));
  if (requiredFields.some((field) => column(mapping.fields[field]) === -1)) return null;
  const custom = Object.entries(mapping.customFields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, header]) => ({ token: customKeyToken(key), at: 3 * column(header) }));
  if (custom.some(({ at }) => at < 0)) return null;
  const optional = (header: string | null) => (column(header) === -1 ? -1 : 3 * column(header));
  return {
    contact: 3 * column(mapping.fields.contactId),
    campaign: 3 * column(mapping.fields.campaignId),
    outcome: 3 * column(mapping.fields.outcomeCode),
    agent: 3 * column(mapping.fields.agentId),
    notes: optional(mapping.fields.notes),
    timestamp: optional(mapping.fields.dispositionTimestamp),
    custom,
  };
}

/**
 * The common case of validateDispositionRow without building the row: a record whose identifiers
 * have no spaces around them and no quotes in them, whose outcome code is one of the matrix, whose
 * timestamp is the canonical UTC form (or absent) and not in the future, and whose notes fit. For
 * such a record it gives what validateDispositionRow's row would hold (its content as
 * contentLanesOfRow hashes it); for any other it says no, and the caller validates it in full, so
 * problems and notices keep their exact words. Null when the mapping lacks a required field
 * (every row then has a problem).
 */
export function plainRowCheck(headers: readonly string[], mapping: ColumnMapping, outcomeMatrix: readonly string[], now: Date): PlainRowCheck | null {
  const layout = plainRowLayout(headers, mapping);
  if (layout === null) return null;
  const validate = plainRowValidator(layout, outcomeMatrix, now);
  const content = plainRowContent(layout);
  return (text, record, out) => {
    if (!validate(text, record, out)) return false;
    content(text, record.at, 0, out.epochMs, out);
    return true;
  };
}

export function plainRowValidator(layout: PlainRowLayout, outcomeMatrix: readonly string[], now: Date): PlainRowValidator {
  const { contact, campaign, outcome, agent, notes: notesAt, timestamp: timestampAt } = layout;
  const codes = [...new Set(outcomeMatrix.filter((code) => outcomeCodePattern.test(code)))];
  const nowMs = now.getTime();
  return (text, record, out) => {
    const at = record.at;
    // Identifiers, codes and timestamps with doubled quotes in them are rare: the full check reads them.
    if (at[contact + 2] === 1 || at[campaign + 2] === 1 || at[outcome + 2] === 1 || at[agent + 2] === 1) return false;
    const contactFrom = at[contact] as number;
    const contactTo = at[contact + 1] as number;
    const campaignFrom = at[campaign] as number;
    const campaignTo = at[campaign + 1] as number;
    if (!bare(text, contactFrom, contactTo) || !bare(text, campaignFrom, campaignTo) || !bare(text, at[agent] as number, at[agent + 1] as number)) return false;
    if (!isOneOf(text, at[outcome] as number, at[outcome + 1] as number, codes)) return false;
    // Doubled quotes make the value shorter than its stretch: a long one is left to the full check.
    if (notesAt !== -1 && (at[notesAt + 1] as number) - (at[notesAt] as number) > notesMaxChars) return false;
    let epochMs = nowMs;
    if (timestampAt !== -1 && at[timestampAt + 1] !== at[timestampAt]) {
      if (at[timestampAt + 2] === 1) return false;
      epochMs = canonicalUtcEpochMsAt(text, at[timestampAt] as number, at[timestampAt + 1] as number);
      if (!(epochMs <= nowMs + futureToleranceMs)) return false;
    }
    out.contactFrom = contactFrom;
    out.contactTo = contactTo;
    out.campaignFrom = campaignFrom;
    out.campaignTo = campaignTo;
    out.epochMs = epochMs;
    return true;
  };
}

function isOneOf(text: string, from: number, to: number, codes: readonly string[]): boolean {
  const length = to - from;
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index] as string;
    if (code.length === length && text.startsWith(code, from)) return true;
  }
  return false;
}
