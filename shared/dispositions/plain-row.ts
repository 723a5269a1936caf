import { outcomeCodePattern } from '../cxone/schemas';
import type { ColumnMapping } from './disposition-fields';
import { notesMaxChars, requiredFields } from './disposition-fields';
import { canonicalUtcEpochMsAt } from './disposition-timestamp';
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

const futureToleranceMs = 5 * 60_000;

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
  // A header that appears twice is read from its first column, as rawRecord does.
  const column = (header: string | null) => (header === null ? -1 : headers.indexOf(header));
  if (requiredFields.some((field) => column(mapping.fields[field]) === -1)) return null;
  const contact = 3 * column(mapping.fields.contactId);
  const campaign = 3 * column(mapping.fields.campaignId);
  const outcome = 3 * column(mapping.fields.outcomeCode);
  const agent = 3 * column(mapping.fields.agentId);
  const notesColumn = column(mapping.fields.notes);
  const timestampColumn = column(mapping.fields.dispositionTimestamp);
  const notesAt = 3 * notesColumn;
  const timestampAt = 3 * timestampColumn;
  const codes = [...new Set(outcomeMatrix.filter((code) => outcomeCodePattern.test(code)))];
  const nowMs = now.getTime();
  // Custom fields are hashed in key order, as contentLanesOfRow feeds them.
  const custom = Object.entries(mapping.customFields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, header]) => ({ token: customKeyToken(key), at: 3 * column(header) }));
  if (custom.some(({ at }) => at < 0)) return null;

  return (text, record, out) => {
    const at = record.at;
    // Identifiers, codes and timestamps with doubled quotes in them are rare: the full check reads them.
    if (at[contact + 2] === 1 || at[campaign + 2] === 1 || at[outcome + 2] === 1 || at[agent + 2] === 1) return false;
    const contactFrom = at[contact] as number;
    const contactTo = at[contact + 1] as number;
    const campaignFrom = at[campaign] as number;
    const campaignTo = at[campaign + 1] as number;
    const agentFrom = at[agent] as number;
    const agentTo = at[agent + 1] as number;
    if (!bare(text, contactFrom, contactTo) || !bare(text, campaignFrom, campaignTo) || !bare(text, agentFrom, agentTo)) return false;
    const outcomeFrom = at[outcome] as number;
    const outcomeTo = at[outcome + 1] as number;
    if (!isOneOf(text, outcomeFrom, outcomeTo, codes)) return false;
    const notesFrom = notesColumn === -1 ? 0 : (at[notesAt] as number);
    const notesTo = notesColumn === -1 ? 0 : (at[notesAt + 1] as number);
    // Doubled quotes make the value shorter than its stretch: a long one is left to the full check.
    if (notesTo - notesFrom > notesMaxChars) return false;
    let epochMs = nowMs;
    if (timestampColumn !== -1 && at[timestampAt + 1] !== at[timestampAt]) {
      if (at[timestampAt + 2] === 1) return false;
      epochMs = canonicalUtcEpochMsAt(text, at[timestampAt] as number, at[timestampAt + 1] as number);
      if (!(epochMs <= nowMs + futureToleranceMs)) return false;
    }
    contentStart();
    contentChars(text, outcomeFrom, outcomeTo, false);
    contentChars(text, agentFrom, agentTo, false);
    contentChars(text, notesFrom, notesTo, notesColumn !== -1 && at[notesAt + 2] === 1);
    contentNumber(epochMs);
    for (let index = 0; index < custom.length; index += 1) {
      const field = custom[index] as { token: number; at: number };
      const from = at[field.at] as number;
      const to = at[field.at + 1] as number;
      // Empty or only spaces: the row has no such custom field.
      if (from === to || (!bare(text, from, to) && text.slice(from, to).trim() === '')) continue;
      contentNumber(field.token);
      contentChars(text, from, to, at[field.at + 2] === 1);
    }
    contentFinish(out);
    out.contactFrom = contactFrom;
    out.contactTo = contactTo;
    out.campaignFrom = campaignFrom;
    out.campaignTo = campaignTo;
    out.epochMs = epochMs;
    return true;
  };
}

/** text[from, to) is not empty, and certainly nothing String.prototype.trim would remove at either end (printable ASCII there). */
function bare(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = text.charCodeAt(from);
  const last = text.charCodeAt(to - 1);
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
