import { ContactSlots } from './contact-slots';
import type { DuplicateVerdict } from './resolve-duplicates';

/**
 * Duplicate detection in one pass over a file's valid rows, with the rules of DuplicateResolver
 * (latest timestamp wins, a tie goes to the later line, a row identical to the current winner
 * is its duplicate). Instead of reading the file a second time to classify each row, it keeps
 * about 50 bytes per contact in typed arrays and, when each row's verdict is wanted, 12 per row: the row's contact slot, its line, and which of the contact's
 * distinct contents it has (most contacts have one). Contents are compared by their 64-bit row
 * hash, given as its two 32-bit lanes (see hexLanes).
 */
export class DuplicateTally {
  private readonly slots: ContactSlots;
  private slotLines = new Int32Array(1024);
  private slotEpochs = new Float64Array(1024);
  private slotClasses = new Int32Array(1024);
  /** Each contact's first content hash; the rare later distinct ones in `moreHashes`. */
  private slotHi = new Uint32Array(1024);
  private slotLo = new Uint32Array(1024);
  /** Per contact: rows with its first content, and (index + 1) of its first later distinct content, 0 for none. */
  private slotFirstRows = new Int32Array(1024);
  private slotMore = new Int32Array(1024);
  /** Later distinct contents, chained per contact in order of appearance: their hash, rows, and the next (index + 1). */
  private moreHi = new Uint32Array(256);
  private moreLo = new Uint32Array(256);
  private moreRows = new Int32Array(256);
  private moreNext = new Int32Array(256);
  private moreCount = 0;
  private rowSlots = new Int32Array(1024);
  private rowLines = new Int32Array(1024);
  private rowClasses = new Int32Array(1024);
  private rows = 0;

  /**
   * `verdicts: false`: only counts() is wanted, and nothing is kept per row. `expectedRows`: about
   * how many rows there will be (a file's line count), so the arrays are sized once.
   */
  constructor(private readonly options: { verdicts: boolean; expectedRows?: number } = { verdicts: true }) {
    const expected = Math.max(1024, options.expectedRows ?? 0);
    this.slots = new ContactSlots(expected);
    this.slotLines = new Int32Array(expected);
    this.slotEpochs = new Float64Array(expected);
    this.slotClasses = new Int32Array(expected);
    this.slotHi = new Uint32Array(expected);
    this.slotLo = new Uint32Array(expected);
    this.slotFirstRows = new Int32Array(expected);
    this.slotMore = new Int32Array(expected);
  }

  /** Valid rows in file order; returns the row's index (0-based, counting valid rows only). */
  observe(campaignId: string, contactId: string, line: number, epochMs: number, hashHi: number, hashLo: number): number {
    const slot = this.slots.slotOf(campaignId, contactId);
    let contentClass = 0;
    if (this.slots.added) {
      if (slot === this.slotLines.length) {
        this.slotLines = grown(this.slotLines, Int32Array);
        this.slotEpochs = grown(this.slotEpochs, Float64Array);
        this.slotClasses = grown(this.slotClasses, Int32Array);
        this.slotHi = grown(this.slotHi, Uint32Array);
        this.slotLo = grown(this.slotLo, Uint32Array);
        this.slotFirstRows = grown(this.slotFirstRows, Int32Array);
        this.slotMore = grown(this.slotMore, Int32Array);
      }
      this.slotFirstRows[slot] = 1;
      this.slotMore[slot] = 0;
      this.slotHi[slot] = hashHi;
      this.slotLo[slot] = hashLo;
      this.win(slot, line, epochMs, 0);
    } else {
      contentClass = this.classOf(slot, hashHi, hashLo);
      // Later lines win ties: rows arrive in file order, so `>=` is "latest, then later line".
      if (contentClass !== this.slotClasses[slot] && epochMs >= (this.slotEpochs[slot] as number)) this.win(slot, line, epochMs, contentClass);
    }
    const index = this.rows;
    this.rows += 1;
    if (!this.options.verdicts) return index;
    if (index === this.rowSlots.length) {
      this.rowSlots = grown(this.rowSlots, Int32Array);
      this.rowLines = grown(this.rowLines, Int32Array);
      this.rowClasses = grown(this.rowClasses, Int32Array);
    }
    this.rowSlots[index] = slot;
    this.rowLines[index] = line;
    this.rowClasses[index] = contentClass;
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
    // Every row with its contact's winning content but the winner is a duplicate; every other row lost to it.
    let duplicates = 0;
    for (let slot = 0; slot < this.slots.count; slot += 1) {
      const winning = this.slotClasses[slot] as number;
      let rows = this.slotFirstRows[slot] as number;
      if (winning > 0) {
        let entry = (this.slotMore[slot] as number) - 1;
        for (let k = 1; k < winning; k += 1) entry = (this.moreNext[entry] as number) - 1;
        rows = this.moreRows[entry] as number;
      }
      duplicates += rows - 1;
    }
    return { winners: this.slots.count, duplicates, superseded: this.rows - this.slots.count - duplicates };
  }

  private win(slot: number, line: number, epochMs: number, contentClass: number) {
    this.slotLines[slot] = line;
    this.slotEpochs[slot] = epochMs;
    this.slotClasses[slot] = contentClass;
  }

  private classOf(slot: number, hi: number, lo: number): number {
    if (this.slotHi[slot] === hi && this.slotLo[slot] === lo) {
      this.slotFirstRows[slot] = (this.slotFirstRows[slot] as number) + 1;
      return 0;
    }
    let contentClass = 1;
    let previous = -1;
    for (let entry = (this.slotMore[slot] as number) - 1; entry !== -1; entry = (this.moreNext[entry] as number) - 1) {
      if (this.moreHi[entry] === hi && this.moreLo[entry] === lo) {
        this.moreRows[entry] = (this.moreRows[entry] as number) + 1;
        return contentClass;
      }
      previous = entry;
      contentClass += 1;
    }
    const entry = this.moreCount;
    this.moreCount += 1;
    if (entry === this.moreHi.length) {
      this.moreHi = grown(this.moreHi, Uint32Array);
      this.moreLo = grown(this.moreLo, Uint32Array);
      this.moreRows = grown(this.moreRows, Int32Array);
      this.moreNext = grown(this.moreNext, Int32Array);
    }
    this.moreHi[entry] = hi;
    this.moreLo[entry] = lo;
    this.moreRows[entry] = 1;
    this.moreNext[entry] = 0;
    if (previous === -1) this.slotMore[slot] = entry + 1;
    else this.moreNext[previous] = entry + 1;
    return contentClass;
  }
}

function grown<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(array: T, Kind: new (length: number) => T): T {
  const next = new Kind(array.length * 2);
  next.set(array);
  return next;
}
