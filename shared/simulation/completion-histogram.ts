export type CompletionPoint = { hour: number; completedFraction: number };

/** A histogram's counts as plain data, to send between threads and merge. */
export type HistogramSnapshot = { bucketSeconds: number; counts: Float64Array };

const maxBuckets = 16_384;
const maxCurvePoints = 120;

/**
 * Completions over simulated time, summed over replications. Buckets start at one
 * minute and double in width (merging pairs) when a long list would need too many,
 * so memory stays bounded for any run length.
 */
export class CompletionHistogram {
  private counts = new Float64Array(256);
  private bucketSeconds = 60;
  private used = 0;

  add(timeSeconds: number): void {
    let bucket = Math.floor(timeSeconds / this.bucketSeconds);
    while (bucket >= maxBuckets) {
      this.mergePairs();
      bucket = Math.floor(timeSeconds / this.bucketSeconds);
    }
    if (bucket >= this.counts.length) this.growTo(bucket + 1);
    this.counts[bucket] = (this.counts[bucket] as number) + 1;
    if (bucket >= this.used) this.used = bucket + 1;
  }

  snapshot(): HistogramSnapshot {
    return { bucketSeconds: this.bucketSeconds, counts: this.counts.slice(0, this.used) };
  }

  /**
   * Adds another histogram's counts. Widths are powers of two of one minute, so both
   * coarsen to the wider one exactly: the result equals adding every time to one histogram.
   */
  merge(other: HistogramSnapshot): void {
    while (this.bucketSeconds < other.bucketSeconds) this.mergePairs();
    const factor = this.bucketSeconds / other.bucketSeconds;
    for (let bucket = 0; bucket < other.counts.length; bucket++) {
      const count = other.counts[bucket] as number;
      if (count === 0) continue;
      const target = Math.floor(bucket / factor);
      if (target >= this.counts.length) this.growTo(target + 1);
      this.counts[target] = (this.counts[target] as number) + count;
      if (target >= this.used) this.used = target + 1;
    }
  }

  /** Cumulative fraction of `total` (contacts × replications) completed, from hour 0 to the last completion. */
  curve(total: number): CompletionPoint[] {
    const points: CompletionPoint[] = [{ hour: 0, completedFraction: 0 }];
    if (total === 0 || this.used === 0) return points;
    const bucketsPerPoint = Math.ceil(this.used / maxCurvePoints);
    let cumulative = 0;
    for (let bucket = 0; bucket < this.used; bucket++) {
      cumulative += this.counts[bucket] as number;
      const isLast = bucket === this.used - 1;
      if ((bucket + 1) % bucketsPerPoint === 0 || isLast) {
        points.push({ hour: ((bucket + 1) * this.bucketSeconds) / 3600, completedFraction: Math.min(1, cumulative / total) });
      }
    }
    return points;
  }

  private mergePairs(): void {
    const merged = new Float64Array(this.counts.length);
    for (let bucket = 0; bucket < this.used; bucket++) {
      const target = bucket >> 1;
      merged[target] = (merged[target] as number) + (this.counts[bucket] as number);
    }
    this.counts = merged;
    this.used = (this.used + 1) >> 1;
    this.bucketSeconds *= 2;
  }

  private growTo(length: number): void {
    const grown = new Float64Array(Math.min(maxBuckets, Math.max(length, this.counts.length * 2)));
    grown.set(this.counts);
    this.counts = grown;
  }
}
