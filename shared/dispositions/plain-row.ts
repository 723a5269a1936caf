import { outcomeCodePattern } from '../cxone/schemas';
import type { ColumnMapping } from './disposition-fields';
import { notesMaxChars, requiredFields } from './disposition-fields';
import { canonicalUtcEpochMsAt } from './disposition-timestamp';
import { codeAt, sliceOf, type CodeUnits } from './code-units';
import type { RecordBounds } from './record-bounds';
import type { HashLanes } from './row-content-hash';
import { contentChars, contentFinish, contentNumber, contentStart, customKeyToken } from './scan-content-hash';

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

/**
 * The content hash of a record the validator said yes to, its values' bounds read from `at`
 * starting at `base` (a record's own bounds, or one row of many laid side by side).
 */
export type PlainRowContent = (text: CodeUnits, at: Int32Array, base: number, epochMs: number, out: HashLanes) => void;

/** Where a mapping's fields lie in a record (3 × the column, as RecordBounds lays values out); null when a required field has no column. */
export interface PlainRowLayout {
  contact: number;
  campaign: number;
  outcome: number;
  agent: number;
  /** -1: no notes column. */
  notes: number;
  /** -1: no timestamp column. */
  timestamp: number;
  /** Custom fields in key order, as contentLanesOfRow feeds them. */
  custom: { token: number; at: number }[];
}

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

export function plainRowContent(layout: PlainRowLayout): PlainRowContent {
  const { outcome, agent, notes, custom } = layout;
  return (text, at, base, epochMs, out) => {
    contentStart();
    contentChars(text, at[base + outcome] as number, at[base + outcome + 1] as number, false);
    contentChars(text, at[base + agent] as number, at[base + agent + 1] as number, false);
    if (notes === -1) contentChars(text, 0, 0, false);
    else contentChars(text, at[base + notes] as number, at[base + notes + 1] as number, at[base + notes + 2] === 1);
    contentNumber(epochMs);
    for (let index = 0; index < custom.length; index += 1) {
      const field = custom[index] as { token: number; at: number };
      const from = at[base + field.at] as number;
      const to = at[base + field.at + 1] as number;
      // Empty or only spaces: the row has no such custom field.
      if (from === to || (!bare(text, from, to) && sliceOf(text, from, to).trim() === '')) continue;
      contentNumber(field.token);
      contentChars(text, from, to, at[base + field.at + 2] === 1);
    }
    contentFinish(out);
  };
}

/** text[from, to) is not empty, and certainly nothing String.prototype.trim would remove at either end (printable ASCII there). */
function bare(text: CodeUnits, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = codeAt(text, from);
  const last = codeAt(text, to - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}

function isOneOf(text: string, from: number, to: number, codes: readonly string[]): boolean {
  const length = to - from;
  for (let index = 0; index < codes.length; index += 1) {
    const code = codes[index] as string;
    if (code.length === length && text.startsWith(code, from)) return true;
  }
  return false;
}
