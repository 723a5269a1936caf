/**
 * The one rule for "these two outcome codes say the same thing": the same words, however spaced
 * or ordered (CALLBACK_LATER ↔ CALL_BACK_LATER, VOICEMAIL_LEFT ↔ LEFT_VOICEMAIL). The Admin API
 * adapter matches a disposition to an outcome with it when no mapping names the code, and the
 * file check uses it to say which known code an unknown one most likely means.
 */
export function outcomeCodesAlike(a: string, b: string): boolean {
  const words = (code: string) =>
    code
      .toUpperCase()
      .split('_')
      .filter((word) => word !== '');
  const left = words(a);
  const right = words(b);
  if (left.join('') === right.join('')) return true;
  return [...left].sort().join('_') === [...right].sort().join('_');
}

/** Edits (insert, delete, replace one letter) between two short codes. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const replace = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(replace, (previous[j] as number) + 1, (current[j - 1] as number) + 1));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The known code an unknown one most likely means: one with the same words first, else the
 * closest by spelling when at most a third of its letters differ (a typo); null when none is close.
 */
export function nearestOutcomeCode(code: string, known: readonly string[]): string | null {
  const upper = code.toUpperCase();
  const alike = known.find((candidate) => outcomeCodesAlike(candidate, upper));
  if (alike) return alike;
  let best: { code: string; distance: number } | null = null;
  for (const candidate of known) {
    const distance = editDistance(upper, candidate);
    if (distance <= Math.max(1, Math.floor(candidate.length / 3)) && (!best || distance < best.distance)) best = { code: candidate, distance };
  }
  return best?.code ?? null;
}
