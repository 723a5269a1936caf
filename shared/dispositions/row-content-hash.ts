/**
 * A 64-bit non-cryptographic hash (cyrb53 widened to two full lanes) of a row's
 * content. It only ever decides whether two rows about the same contact are
 * identical, so collisions between unrelated rows do not matter; being pure
 * keeps it usable in shared/ where node:crypto is not available.
 */
export function rowContentHash(canonicalText: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < canonicalText.length; i++) {
    const code = canonicalText.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}
