/**
 * A binary min-heap of (time, code) events in two typed arrays: no object per event,
 * so the simulation's hot loop allocates nothing. The caller packs what an event is
 * about into the integer code.
 */
export class EventHeap {
  private times: Float64Array;
  private codes: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    this.times = new Float64Array(Math.max(16, initialCapacity));
    this.codes = new Int32Array(this.times.length);
  }

  get size(): number {
    return this.count;
  }

  clear(): void {
    this.count = 0;
  }

  /** Time of the earliest event; only meaningful when size > 0. */
  peekTime(): number {
    return this.times[0] ?? Number.POSITIVE_INFINITY;
  }

  /** Code of the earliest event; only meaningful when size > 0. */
  peekCode(): number {
    return this.codes[0] ?? -1;
  }

  push(time: number, code: number): void {
    if (this.count === this.times.length) this.grow();
    const times = this.times;
    const codes = this.codes;
    let index = this.count++;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const parentTime = times[parent] as number;
      if (parentTime <= time) break;
      times[index] = parentTime;
      codes[index] = codes[parent] as number;
      index = parent;
    }
    times[index] = time;
    codes[index] = code;
  }

  /** Removes the earliest event (read it first with peekTime/peekCode). */
  pop(): void {
    const times = this.times;
    const codes = this.codes;
    const last = --this.count;
    if (last <= 0) return;
    const time = times[last] as number;
    const code = codes[last] as number;
    let index = 0;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= last) break;
      const right = child + 1;
      if (right < last && (times[right] as number) < (times[child] as number)) child = right;
      const childTime = times[child] as number;
      if (childTime >= time) break;
      times[index] = childTime;
      codes[index] = codes[child] as number;
      index = child;
    }
    times[index] = time;
    codes[index] = code;
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    const codes = new Int32Array(times.length);
    times.set(this.times);
    codes.set(this.codes);
    this.times = times;
    this.codes = codes;
  }
}
