/**
 * A 64-bit non-cryptographic hash (cyrb53 widened to two full lanes) of a row's
 * content. It only ever decides whether two rows about the same contact are
 * identical, so collisions between unrelated rows do not matter; being pure
 * keeps it usable in shared/ where node:crypto is not available.
 */
export function rowContentHash(canonicalText: string): string {
  start();
  feedText(canonicalText);
  return finish();
}

/** A JSON value of the shape a row's canonical content has: strings, null, arrays of them. */
export type CanonicalValue = string | null | readonly CanonicalValue[];

/**
 * rowContentHash(JSON.stringify(value)), without writing the JSON text: the characters are
 * fed as JSON.stringify would write them (a string that needs escaping is written by it).
 */
export function canonicalValueHash(value: CanonicalValue): string {
  start();
  feedValue(value);
  return finish();
}

/** The two 32-bit lanes of a hash: `hi` is the first 8 hex digits of the text form, `lo` the last 8. */
export interface HashLanes {
  hi: number;
  lo: number;
}

/**
 * The same hash fed piece by piece with no value built: hashStart(), then hashText for the JSON
 * punctuation and hashJsonString for each string, then hashLanes. Equal to
 * rowContentHash of the text so fed, as lanes (see hexLanes).
 */
export const hashStart = (): void => start();
export const hashText = (text: string): void => feedText(text);
export const hashJsonString = (text: string): void => feedJsonString(text);
export function hashLanes(out: HashLanes): void {
  const a = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  const b = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  out.hi = b >>> 0;
  out.lo = a >>> 0;
}

/** The lanes of a hash in its text form; false when the text is not 16 hex digits. */
export function hexLanes(hash: string, out: HashLanes): boolean {
  if (hash.length !== 16) return false;
  const hi = Number.parseInt(hash.slice(0, 8), 16);
  const lo = Number.parseInt(hash.slice(8), 16);
  if (!/^[0-9a-f]{16}$/.test(hash)) return false;
  out.hi = hi;
  out.lo = lo;
  return true;
}

let h1 = 0;
let h2 = 0;

function start() {
  h1 = 0xdeadbeef;
  h2 = 0x41c6ce57;
}

function feedText(text: string) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
}

function feedValue(value: CanonicalValue) {
  if (value === null) feedText('null');
  else if (typeof value === 'string') feedJsonString(value);
  else {
    feedText('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) feedText(',');
      feedValue(value[i] as CanonicalValue);
    }
    feedText(']');
  }
}

/** `"text"` as JSON.stringify writes it; quotes, backslashes, control characters and surrogates go through it. */
function feedJsonString(text: string) {
  const before1 = h1;
  const before2 = h2;
  h1 = Math.imul(h1 ^ 34, 2654435761);
  h2 = Math.imul(h2 ^ 34, 1597334677);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 34 || code === 92 || (code >= 0xd800 && code <= 0xdfff)) {
      h1 = before1;
      h2 = before2;
      feedText(JSON.stringify(text));
      return;
    }
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ 34, 2654435761);
  h2 = Math.imul(h2 ^ 34, 1597334677);
}

function finish(): string {
  let a = h1;
  let b = h2;
  a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
  b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
  return (b >>> 0).toString(16).padStart(8, '0') + (a >>> 0).toString(16).padStart(8, '0');
}
