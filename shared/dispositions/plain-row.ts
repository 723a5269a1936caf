import { outcomeCodePattern } from '../cxone/schemas';
import type { ColumnMapping } from './disposition-fields';
import { notesMaxChars, requiredFields } from './disposition-fields';
import { canonicalUtcEpochMs } from './disposition-timestamp';
import { hashJsonString, hashLanes, hashStart, hashText, type HashLanes } from './row-content-hash';

/** What duplicate detection needs of a valid row. */
export interface PlainRow extends HashLanes {
  campaignId: string;
  contactId: string;
  epochMs: number;
}

/** Checks one record (values in header order); true and `out` filled when the row is plain. */
export type PlainRowCheck = (record: readonly string[], out: PlainRow) => boolean;

const futureToleranceMs = 5 * 60_000;

/**
 * The common case of validateDispositionRow without building the row: a record whose identifiers
 * have no spaces around them, whose outcome code is one of the matrix, whose timestamp is the
 * canonical UTC form (or absent) and not in the future, and whose notes fit. For such a record it
 * gives what validateDispositionRow's row would hold (the same hash, as lanes); for any other it
 * says no, and the caller validates it in full, so problems and notices keep their exact words.
 * Null when the mapping lacks a required field (every row then has a problem).
 */
export function plainRowCheck(headers: readonly string[], mapping: ColumnMapping, outcomeMatrix: readonly string[], now: Date): PlainRowCheck | null {
  // A header that appears twice is read from its first column, as rawRecord does.
  const column = (header: string | null) => (header === null ? -1 : headers.indexOf(header));
  if (requiredFields.some((field) => column(mapping.fields[field]) === -1)) return null;
  const contact = column(mapping.fields.contactId);
  const campaign = column(mapping.fields.campaignId);
  const outcome = column(mapping.fields.outcomeCode);
  const agent = column(mapping.fields.agentId);
  const notesAt = column(mapping.fields.notes);
  const timestampAt = column(mapping.fields.dispositionTimestamp);
  const codes = new Set(outcomeMatrix.filter((code) => outcomeCodePattern.test(code)));
  const nowMs = now.getTime();
  const nowIso = now.toISOString();
  // Custom fields go into the hash sorted by key, as validateDispositionRow sorts them.
  const custom = Object.entries(mapping.customFields)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, header]) => ({ key, at: column(header) }));
  if (custom.some(({ at }) => at === -1)) return null;

  return (record, out) => {
    const contactId = record[contact] as string;
    const campaignId = record[campaign] as string;
    const outcomeCode = record[outcome] as string;
    const agentId = record[agent] as string;
    if (!bare(contactId) || !bare(campaignId) || !bare(agentId) || !codes.has(outcomeCode)) return false;
    const notes = notesAt === -1 ? '' : (record[notesAt] as string);
    if (notes.length > notesMaxChars) return false;
    const stamp = timestampAt === -1 ? '' : (record[timestampAt] as string);
    let epochMs = nowMs;
    if (stamp !== '') {
      epochMs = canonicalUtcEpochMs(stamp);
      if (!(epochMs <= nowMs + futureToleranceMs)) return false;
    }
    hashStart();
    hashText('[');
    hashJsonString(campaignId);
    hashText(',');
    hashJsonString(contactId);
    hashText(',');
    hashJsonString(outcomeCode);
    hashText(',');
    hashJsonString(agentId);
    hashText(',');
    if (notes === '') hashText('null');
    else hashJsonString(notes);
    hashText(',');
    if (stamp === '') hashJsonString(nowIso);
    else if (stamp.length === 24) hashJsonString(stamp);
    else hashJsonString(`${stamp.slice(0, 19)}.000Z`);
    hashText(',[');
    let first = true;
    for (const { key, at } of custom) {
      const value = record[at] as string;
      if (value === '' || (!bare(value) && value.trim() === '')) continue;
      hashText(first ? '[' : ',[');
      first = false;
      hashJsonString(key);
      hashText(',');
      hashJsonString(value);
      hashText(']');
    }
    hashText(']]');
    hashLanes(out);
    out.contactId = contactId;
    out.campaignId = campaignId;
    out.epochMs = epochMs;
    return true;
  };
}

/** Not empty, and certainly nothing String.prototype.trim would remove at either end (printable ASCII there). */
function bare(value: string): boolean {
  const length = value.length;
  if (length === 0) return false;
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(length - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}
