import { codeAt, sliceOf, type CodeUnits } from './code-units';
import type { HashLanes } from './row-content-hash';
import { contentChars, contentFinish, contentNumber, contentStart } from './scan-content-hash';

// Apart from plain-row.ts, which validates with the tenant's schemas: a worker thread that only
// hashes rows loads this without them.

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

/**
 * The content hash of a record the validator said yes to, its values' bounds read from `at`
 * starting at `base` (a record's own bounds, or one row of many laid side by side).
 */
export type PlainRowContent = (text: CodeUnits, at: Int32Array, base: number, epochMs: number, out: HashLanes) => void;

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
export function bare(text: CodeUnits, from: number, to: number): boolean {
  if (to <= from) return false;
  const first = codeAt(text, from);
  const last = codeAt(text, to - 1);
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}
