import { canonicalUtcEpochMs } from './disposition-timestamp';
import type { DuplicateVerdict } from './resolve-duplicates';

/**
 * Duplicate detection in one pass over a file's valid rows, with the rules of DuplicateResolver
 * (latest timestamp wins, a tie goes to the later line, a row identical to the current winner
 * is its duplicate). Instead of reading the file a second time to classify each row, it keeps
 * 12 bytes per row in typed arrays: the row's contact slot, its line, and which of the contact's
 * distinct contents it has (most contacts have one). Row hashes are compared as strings, never
 * decoded, so any hash text works.
 */
export class DuplicateTally {
  private readonly slots = new Map<string, Map<string, number>>();
  private slotLines = new Float64Array(1024);
  private slotEpochs = new Float64Array(1024);
  private slotClasses = new Int32Array(1024);
  /** Per contact: its first content hash, or every distinct one in order of appearance. */
  private readonly slotHashes: (string | string[])[] = [];
  private rowSlots = new Int32Array(1024);
  private rowLines = new Int32Array(1024);
  private rowClasses = new Int32Array(1024);
  private rows = 0;

  /** Valid rows in file order; returns the row's index (0-based, counting valid rows only). */
  observe(row: { line: number; campaignId: string; contactId: string; dispositionTimestamp: string; rowHash: string }): number {
    const canonical = canonicalUtcEpochMs(row.dispositionTimestamp);
    const epochMs = Number.isNaN(canonical) ? Date.parse(row.dispositionTimestamp) : canonical;
    let contacts = this.slots.get(row.campaignId);
    if (contacts === undefined) {
      contacts = new Map();
      this.slots.set(row.campaignId, contacts);
    }
    let slot = contacts.get(row.contactId);
    let contentClass = 0;
    if (slot === undefined) {
      slot = this.slotHashes.length;
      contacts.set(row.contactId, slot);
      if (slot === this.slotLines.length) {
        this.slotLines = grownFloat(this.slotLines);
        this.slotEpochs = grownFloat(this.slotEpochs);
        this.slotClasses = grownInt(this.slotClasses);
      }
      this.slotHashes.push(row.rowHash);
      this.win(slot, row.line, epochMs, 0);
    } else {
      contentClass = this.classOf(slot, row.rowHash);
      // Later lines win ties: rows arrive in file order, so `>=` is "latest, then later line".
      if (contentClass !== this.slotClasses[slot] && epochMs >= (this.slotEpochs[slot] as number)) this.win(slot, row.line, epochMs, contentClass);
    }
    const index = this.rows;
    if (index === this.rowSlots.length) {
      this.rowSlots = grownInt(this.rowSlots);
      this.rowLines = grownInt(this.rowLines);
      this.rowClasses = grownInt(this.rowClasses);
    }
    this.rowSlots[index] = slot;
    this.rowLines[index] = row.line;
    this.rowClasses[index] = contentClass;
    this.rows += 1;
    return index;
  }

  /** Once every row is observed: what happens to the `index`-th valid row. */
  verdict(index: number): DuplicateVerdict {
    const slot = this.rowSlots[index] as number;
    const winnerLine = this.slotLines[slot] as number;
    if (winnerLine === this.rowLines[index]) return { kind: 'winner' };
    if (this.slotClasses[slot] === this.rowClasses[index]) return { kind: 'duplicate', of: winnerLine };
    return { kind: 'superseded', by: winnerLine };
  }

  /** Once every row is observed: winners (one per contact), duplicates and superseded rows. */
  counts(): { winners: number; duplicates: number; superseded: number } {
    let duplicates = 0;
    let superseded = 0;
    for (let index = 0; index < this.rows; index += 1) {
      const slot = this.rowSlots[index] as number;
      if (this.slotLines[slot] === this.rowLines[index]) continue;
      if (this.slotClasses[slot] === this.rowClasses[index]) duplicates += 1;
      else superseded += 1;
    }
    return { winners: this.slotHashes.length, duplicates, superseded };
  }

  private win(slot: number, line: number, epochMs: number, contentClass: number) {
    this.slotLines[slot] = line;
    this.slotEpochs[slot] = epochMs;
    this.slotClasses[slot] = contentClass;
  }

  private classOf(slot: number, rowHash: string): number {
    const known = this.slotHashes[slot] as string | string[];
    if (typeof known === 'string') {
      if (known === rowHash) return 0;
      this.slotHashes[slot] = [known, rowHash];
      return 1;
    }
    const at = known.indexOf(rowHash);
    if (at !== -1) return at;
    known.push(rowHash);
    return known.length - 1;
  }
}

const grownFloat = (array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> => {
  const next = new Float64Array(array.length * 2);
  next.set(array);
  return next;
};

const grownInt = (array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
  const next = new Int32Array(array.length * 2);
  next.set(array);
  return next;
};
