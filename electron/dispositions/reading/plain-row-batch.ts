import type { CodeUnits } from '../../../shared/dispositions/code-units';
import type { DuplicateTally } from '../../../shared/dispositions/duplicate-tally';
import type { PlainRow } from '../../../shared/dispositions/plain-row';

const size = 32;

/**
 * Plain rows on their way to the tally, a few dozen at a time: their contacts' table entries are
 * read for the whole batch first, so those (mostly cache-missing) reads overlap instead of each
 * row waiting for its own. The tally counting only takes rows in any order, so the batch may be
 * handed over after rows the full check saw later.
 */
export class PlainRowBatch {
  private text: CodeUnits = '';
  private count = 0;
  private readonly ints = new Int32Array(size * 8);
  private readonly epochs = new Float64Array(size);
  private readonly wide: boolean[] = new Array<boolean>(size).fill(false);
  /** Keeps the warming reads from being optimised away. */
  private warmed = 0;

  constructor(private readonly tally: DuplicateTally) {}

  add(text: CodeUnits, row: PlainRow, line: number): void {
    if (this.count > 0 && text !== this.text) this.flush();
    this.text = text;
    const at = 8 * this.count;
    const ints = this.ints;
    ints[at] = row.campaignFrom;
    ints[at + 1] = row.campaignTo;
    ints[at + 2] = row.contactFrom;
    ints[at + 3] = row.contactTo;
    ints[at + 4] = line;
    ints[at + 5] = row.hi;
    ints[at + 6] = row.lo;
    this.epochs[this.count] = row.epochMs;
    this.count += 1;
    if (this.count === size) this.flush();
  }

  flush(): void {
    const { ints, tally, text } = this;
    for (let index = 0; index < this.count; index += 1) {
      const at = 8 * index;
      ints[at + 7] = tally.keyHash(text, ints[at] as number, ints[at + 1] as number, text, ints[at + 2] as number, ints[at + 3] as number);
      this.wide[index] = tally.wideKey;
    }
    // Only the reads in this loop, so many of them are on their way at once.
    let warmed = this.warmed;
    for (let index = 0; index < this.count; index += 1) warmed ^= tally.warm(ints[8 * index + 7] as number);
    this.warmed = warmed;
    for (let index = 0; index < this.count; index += 1) {
      const at = 8 * index;
      tally.observeHashed(
        ints[at + 7] as number,
        this.wide[index] as boolean,
        text,
        ints[at] as number,
        ints[at + 1] as number,
        text,
        ints[at + 2] as number,
        ints[at + 3] as number,
        ints[at + 4] as number,
        this.epochs[index] as number,
        (ints[at + 5] as number) >>> 0,
        (ints[at + 6] as number) >>> 0,
      );
    }
    this.count = 0;
    this.text = '';
  }
}
