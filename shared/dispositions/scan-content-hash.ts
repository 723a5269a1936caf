import { codeAt, type CodeUnits } from './code-units';
import type { HashLanes } from './row-content-hash';

/**
 * The 64-bit hash a file scan tells a row's content apart with: equal for two rows about the same
 * contact exactly when they would send the same thing (outcome code, agent, notes, timestamp,
 * custom fields). It lives only in the scan's memory, beside the contact's key, so it leaves out
 * the campaign and contact IDs (equal for rows compared) and takes the timestamp as its instant.
 * Nothing persists it: a row's `rowHash` (row-content-hash.ts) is what other code sees.
 *
 * Fed piece by piece with no string built: contentStart(), then contentChars / contentNumber per
 * value, then contentFinish. contentLanesOfRow feeds a validated row the same way.
 */
export function contentStart(): void {
  h1 = 0x2f6b7c1d;
  h2 = 0x6a09e667;
}

/** A value's characters text[from, to); with `escaped`, each `""` is read as one `"`. */
export function contentChars(text: CodeUnits, from: number, to: number, escaped: boolean): void {
  let a = h1;
  let b = h2;
  for (let at = from; at < to; at += 1) {
    const code = codeAt(text, at);
    if (escaped && code === 34) at += 1;
    a = Math.imul(a ^ code, 0x9e3779b1);
    b = Math.imul(b ^ code, 0x85ebca77);
  }
  // Past every character code: where one value ends and the next begins is part of the content.
  h1 = Math.imul(a ^ 0x10001, 0x9e3779b1);
  h2 = Math.imul(b ^ 0x10001, 0x85ebca77);
}

/** An instant (or any whole number of at most 53 bits). */
export function contentNumber(value: number): void {
  const high = Math.floor(value / 4294967296);
  const low = (value - high * 4294967296) | 0;
  h1 = Math.imul(Math.imul(h1 ^ low, 0x9e3779b1) ^ high, 0x9e3779b1);
  h2 = Math.imul(Math.imul(h2 ^ low, 0x85ebca77) ^ high, 0x85ebca77);
}

export function contentFinish(out: HashLanes): void {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  out.hi = b >>> 0;
  out.lo = a >>> 0;
}

/** What of a row the hash covers. */
export interface ScanContent {
  outcomeCode: string;
  agentId: string;
  notes?: string | undefined;
  customFields?: Readonly<Record<string, string>> | undefined;
}

/** A custom field's key as one number, fed before its value. */
export function customKeyToken(key: string): number {
  let token = 0x811c9dc5 | 0;
  for (let at = 0; at < key.length; at += 1) token = Math.imul(token ^ key.charCodeAt(at), 16777619);
  return Math.imul(token ^ key.length, 16777619);
}

/** The lanes of a validated row whose timestamp is the instant `epochMs`; custom fields in key order. */
export function contentLanesOfRow(row: ScanContent, epochMs: number, out: HashLanes): void {
  contentStart();
  contentChars(row.outcomeCode, 0, row.outcomeCode.length, false);
  contentChars(row.agentId, 0, row.agentId.length, false);
  const notes = row.notes ?? '';
  contentChars(notes, 0, notes.length, false);
  contentNumber(epochMs);
  const custom = Object.entries(row.customFields ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [key, value] of custom) {
    contentNumber(customKeyToken(key));
    contentChars(value, 0, value.length, false);
  }
  contentFinish(out);
}

let h1 = 0;
let h2 = 0;
