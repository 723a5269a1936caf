import type { CodeUnits } from './code-units';
import { ContactSlots } from './contact-slots';
import type { DuplicateVerdict } from './resolve-duplicates';

const pageBits = 16;
const pageSize = 1 << pageBits;
const pageMask = pageSize - 1;

/**
 * Duplicate detection in one pass over a file's valid rows, with the rules of DuplicateResolver
 * (latest timestamp wins, a tie goes to the later line, a row identical to the current winner
 * is its duplicate). Instead of reading the file a second time to classify each row, it keeps
 * about 60 bytes per contact in typed arrays (32 here, the key's in ContactSlots) and, when each row's verdict is wanted, 12 per row: the row's contact slot, its line, and which of the contact's
 * distinct contents it has (most contacts have one). Contents are compared by their 64-bit row
 * hash, given as its two 32-bit lanes (see hexLanes).
 */
export class DuplicateTally {
  private readonly slots: ContactSlots;
  /**
   * Per contact, in pages of 65,536 (grown a page at a time, never copied), 32 bytes each: its
   * winner's instant (a float64 over ints 0–1), line (2) and content (3: which of the contact's
   * distinct contents), its first content hash (4–5), rows with its first content (6), and
   * (index + 1) of its first later distinct content, 0 for none (7).
   */
  private readonly pageInts: Int32Array<ArrayBuffer>[] = [];
  private readonly pageEpochs: Float64Array<ArrayBuffer>[] = [];
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
   * how many rows there will be (a file's line count), so the contact table is sized once.
   */
  constructor(private readonly options: { verdicts: boolean; expectedRows?: number } = { verdicts: true }) {
    this.slots = new ContactSlots(options.expectedRows ?? 0);
  }

  /**
   * Valid rows in file order (with `verdicts: false`, in any order); returns the row's index
   * (0-based, counting valid rows only).
   */
  observe(campaignId: string, contactId: string, line: number, epochMs: number, hashHi: number, hashLo: number): number {
    return this.observeRange(campaignId, 0, campaignId.length, contactId, 0, contactId.length, line, epochMs, hashHi, hashLo);
  }

  /** observe() with the campaign and contact IDs read in place from their texts. */
  observeRange(
    campaign: CodeUnits,
    campaignFrom: number,
    campaignTo: number,
    contact: CodeUnits,
    contactFrom: number,
    contactTo: number,
    line: number,
    epochMs: number,
    hashHi: number,
    hashLo: number,
  ): number {
    const hash = this.slots.keyHash(campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo);
    return this.observeHashed(hash, this.slots.wideKey, campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo, line, epochMs, hashHi, hashLo);
  }

  /** The contact key's hash, for observeHashed; `wideKey` says how to look it up. */
  keyHash(campaign: CodeUnits, campaignFrom: number, campaignTo: number, contact: CodeUnits, contactFrom: number, contactTo: number): number {
    return this.slots.keyHash(campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo);
  }

  get wideKey(): boolean {
    return this.slots.wideKey;
  }

  /** See ContactSlots.warm: read for a batch of rows before observing them. */
  warm(keyHash: number): number {
    return this.slots.warm(keyHash);
  }

  /** observeRange() with the key's hash already taken (keyHash). */
  observeHashed(
    keyHash: number,
    wideKey: boolean,
    campaign: CodeUnits,
    campaignFrom: number,
    campaignTo: number,
    contact: CodeUnits,
    contactFrom: number,
    contactTo: number,
    line: number,
    epochMs: number,
    hashHi: number,
    hashLo: number,
  ): number {
    const slot = this.slots.slotOfHashed(keyHash, wideKey, campaign, campaignFrom, campaignTo, contact, contactFrom, contactTo);
    const offset = slot & pageMask;
    if (this.slots.added && offset === 0) {
      const buffer = new ArrayBuffer(pageSize * 32);
      this.pageInts.push(new Int32Array(buffer));
      this.pageEpochs.push(new Float64Array(buffer));
    }
    const ints = this.pageInts[slot >>> pageBits] as Int32Array;
    const epochs = this.pageEpochs[slot >>> pageBits] as Float64Array;
    const at = 8 * offset;
    let contentClass = 0;
    if (this.slots.added) {
      epochs[4 * offset] = epochMs;
      ints[at + 2] = line;
      ints[at + 3] = 0;
      ints[at + 4] = hashHi;
      ints[at + 5] = hashLo;
      ints[at + 6] = 1;
      ints[at + 7] = 0;
    } else {
      contentClass = this.classOf(ints, at, hashHi | 0, hashLo | 0);
      const winnerEpoch = epochs[4 * offset] as number;
      // The latest row wins, a tie going to the later line; a row identical to the winner leaves it the winner.
      const later = epochMs > winnerEpoch || (epochMs === winnerEpoch && line > (ints[at + 2] as number));
      if (later && contentClass !== ints[at + 3]) {
        epochs[4 * offset] = epochMs;
        ints[at + 2] = line;
        ints[at + 3] = contentClass;
      } else if (later && epochMs === winnerEpoch && !this.options.verdicts) {
        // Counting only, rows may come out of file order (a scan counts plain rows before the others
        // of the same chunk). Identical rows have the same instant (the hash covers it), so keeping
        // the latest line of the winning content keeps the winner the latest row, in any order.
        ints[at + 2] = line;
      }
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

  private field(slot: number, index: number): number {
    return (this.pageInts[slot >>> pageBits] as Int32Array)[8 * (slot & pageMask) + index] as number;
  }

  /** Once every row is observed: what happens to the `index`-th valid row. */
  verdict(index: number): DuplicateVerdict {
    const slot = this.rowSlots[index] as number;
    const winnerLine = this.field(slot, 2);
    if (winnerLine === this.rowLines[index]) return { kind: 'winner' };
    if (this.field(slot, 3) === this.rowClasses[index]) return { kind: 'duplicate', of: winnerLine };
    return { kind: 'superseded', by: winnerLine };
  }

  /** Once every row is observed: winners (one per contact), duplicates and superseded rows. */
  counts(): { winners: number; duplicates: number; superseded: number } {
    // Every row with its contact's winning content but the winner is a duplicate; every other row lost to it.
    let duplicates = 0;
    for (let slot = 0; slot < this.slots.count; slot += 1) {
      const winning = this.field(slot, 3);
      let rows = this.field(slot, 6);
      if (winning > 0) {
        let entry = this.field(slot, 7) - 1;
        for (let k = 1; k < winning; k += 1) entry = (this.moreNext[entry] as number) - 1;
        rows = this.moreRows[entry] as number;
      }
      duplicates += rows - 1;
    }
    return { winners: this.slots.count, duplicates, superseded: this.rows - this.slots.count - duplicates };
  }

  /** Which of the contact's distinct contents (hash hi, lo as int32) this is; a new one is added. */
  private classOf(ints: Int32Array, at: number, hi: number, lo: number): number {
    if (ints[at + 4] === hi && ints[at + 5] === lo) {
      ints[at + 6] = (ints[at + 6] as number) + 1;
      return 0;
    }
    hi >>>= 0;
    lo >>>= 0;
    let contentClass = 1;
    let previous = -1;
    for (let entry = (ints[at + 7] as number) - 1; entry !== -1; entry = (this.moreNext[entry] as number) - 1) {
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
    if (previous === -1) ints[at + 7] = entry + 1;
    else this.moreNext[previous] = entry + 1;
    return contentClass;
  }
}

function grown<T extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Uint32Array<ArrayBuffer>>(array: T, Kind: new (length: number) => T): T {
  const next = new Kind(array.length * 2);
  next.set(array);
  return next;
}
