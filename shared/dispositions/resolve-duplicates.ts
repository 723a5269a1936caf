import type { DispositionRow } from './disposition-row';

/** What happens to a valid row once every row about the same contact is known. */
export type DuplicateVerdict =
  | { kind: 'winner' }
  /** Identical to the winning row (same content): counted once. */
  | { kind: 'duplicate'; of: number }
  /** A different disposition for the same contact that lost to a later one. */
  | { kind: 'superseded'; by: number };

type DuplicateCandidate = Pick<DispositionRow, 'line' | 'campaignId' | 'contactId' | 'dispositionTimestamp' | 'rowHash'>;

/**
 * Two passes over the valid rows, in file order, holding only the current winner per
 * contact (line, timestamp, hash), never the rows:
 *   pass 1 `observe(row)` for every row; pass 2 `classify(row)` for every row.
 * Rules: the latest dispositionTimestamp wins; on a tie the later line wins; a row
 * identical to the current winner keeps the earlier line as the winner and is its duplicate.
 * A million contacts must fit in a few dozen MB: each winner is a slot in typed arrays,
 * found through one map per campaign keyed by the contact ID string the parser made anyway.
 */
export class DuplicateResolver {
  private readonly slots = new Map<string, Map<string, number>>();
  private lines: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private epochs: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private hashes: string[] = [];
  private size = 0;
  private classifying = false;

  observe(row: DuplicateCandidate): void {
    if (this.classifying) throw new Error('DuplicateResolver: observe() after classify() started');
    const epochMs = Date.parse(row.dispositionTimestamp);
    let contacts = this.slots.get(row.campaignId);
    if (contacts === undefined) {
      contacts = new Map();
      this.slots.set(row.campaignId, contacts);
    }
    const slot = contacts.get(row.contactId);
    if (slot === undefined) {
      contacts.set(row.contactId, this.add(row.line, epochMs, row.rowHash));
      return;
    }
    if (row.line <= (this.lines[slot] as number)) throw new Error(`DuplicateResolver: rows must be observed in file order (line ${row.line})`);
    if (row.rowHash === this.hashes[slot]) return;
    // Later lines win ties: rows arrive in file order, so `>=` is "latest, then later line".
    if (epochMs >= (this.epochs[slot] as number)) {
      this.lines[slot] = row.line;
      this.epochs[slot] = epochMs;
      this.hashes[slot] = row.rowHash;
    }
  }

  classify(row: DuplicateCandidate): DuplicateVerdict {
    this.classifying = true;
    const slot = this.slotOf(row);
    if (slot === undefined) throw new Error(`DuplicateResolver: line ${row.line} was not observed in the first pass`);
    const line = this.lines[slot] as number;
    if (line === row.line) return { kind: 'winner' };
    if (this.hashes[slot] === row.rowHash) return { kind: 'duplicate', of: line };
    return { kind: 'superseded', by: line };
  }

  /** False for a row pass 1 never saw a contact like (the file changed between the passes). */
  hasObserved(row: Pick<DispositionRow, 'campaignId' | 'contactId'>): boolean {
    return this.slotOf(row) !== undefined;
  }

  /** Contacts seen: one winner each. */
  get contactCount(): number {
    return this.size;
  }

  private slotOf(row: Pick<DispositionRow, 'campaignId' | 'contactId'>): number | undefined {
    return this.slots.get(row.campaignId)?.get(row.contactId);
  }

  private add(line: number, epochMs: number, rowHash: string): number {
    if (this.size === this.lines.length) {
      this.lines = grown(this.lines);
      this.epochs = grown(this.epochs);
    }
    const slot = this.size;
    this.size += 1;
    this.lines[slot] = line;
    this.epochs[slot] = epochMs;
    this.hashes.push(rowHash);
    return slot;
  }
}

const grown = (array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
  const next = new Float64Array(array.length * 2);
  next.set(array);
  return next;
};

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
