import { dispositionKey, type DispositionRow } from './disposition-row';

/** What happens to a valid row once every row about the same contact is known. */
export type DuplicateVerdict =
  | { kind: 'winner' }
  /** Identical to the winning row (same content): counted once. */
  | { kind: 'duplicate'; of: number }
  /** A different disposition for the same contact that lost to a later one. */
  | { kind: 'superseded'; by: number };

type DuplicateCandidate = Pick<DispositionRow, 'line' | 'campaignId' | 'contactId' | 'dispositionTimestamp' | 'rowHash'>;

interface Winner {
  line: number;
  epochMs: number;
  rowHash: string;
}

/**
 * Two passes over the valid rows, in file order, holding only the current winner per
 * contact (line, timestamp, hash), never the rows:
 *   pass 1 `observe(row)` for every row; pass 2 `classify(row)` for every row.
 * Rules: the latest dispositionTimestamp wins; on a tie the later line wins; a row
 * identical to the current winner keeps the earlier line as the winner and is its duplicate.
 */
export class DuplicateResolver {
  private readonly winners = new Map<string, Winner>();
  private classifying = false;

  observe(row: DuplicateCandidate): void {
    if (this.classifying) throw new Error('DuplicateResolver: observe() after classify() started');
    const key = dispositionKey(row);
    const epochMs = Date.parse(row.dispositionTimestamp);
    const current = this.winners.get(key);
    if (current === undefined) {
      this.winners.set(key, { line: row.line, epochMs, rowHash: row.rowHash });
      return;
    }
    if (row.line <= current.line) throw new Error(`DuplicateResolver: rows must be observed in file order (line ${row.line})`);
    if (row.rowHash === current.rowHash) return;
    // Later lines win ties: rows arrive in file order, so `>=` is "latest, then later line".
    if (epochMs >= current.epochMs) this.winners.set(key, { line: row.line, epochMs, rowHash: row.rowHash });
  }

  classify(row: DuplicateCandidate): DuplicateVerdict {
    this.classifying = true;
    const winner = this.winners.get(dispositionKey(row));
    if (winner === undefined) throw new Error(`DuplicateResolver: line ${row.line} was not observed in the first pass`);
    if (winner.line === row.line) return { kind: 'winner' };
    if (winner.rowHash === row.rowHash) return { kind: 'duplicate', of: winner.line };
    return { kind: 'superseded', by: winner.line };
  }

  /** False for a row pass 1 never saw a contact like (the file changed between the passes). */
  hasObserved(row: Pick<DispositionRow, 'campaignId' | 'contactId'>): boolean {
    return this.winners.has(dispositionKey(row));
  }

  /** Contacts seen: one winner each. */
  get contactCount(): number {
    return this.winners.size;
  }
}

/** Both passes over rows already in memory. */
export function resolveDuplicates<T extends DuplicateCandidate>(rows: readonly T[]): { row: T; verdict: DuplicateVerdict }[] {
  const resolver = new DuplicateResolver();
  for (const row of rows) resolver.observe(row);
  return rows.map((row) => ({ row, verdict: resolver.classify(row) }));
}

export const describeVerdict = (verdict: DuplicateVerdict): string | null => {
  switch (verdict.kind) {
    case 'winner':
      return null;
    case 'duplicate':
      return `identical to line ${verdict.of}; applied once`;
    case 'superseded':
      return `superseded by line ${verdict.by}, a later disposition for the same contact`;
  }
};
