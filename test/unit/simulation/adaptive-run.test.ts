import { describe, expect, it } from 'vitest';
import { CompletionHistogram } from '../../../shared/simulation/completion-histogram';
import {
  checkpointsUpTo,
  dialerInputSchema,
  inlineExecutor,
  runAdaptively,
  simulateDialer,
  wizardPrecision,
  type DialerSettings,
  type PrecisionTarget,
} from '../../../shared/simulation/index';
import { busyCampaign } from './dialer-inputs';

const settingsOf = (change: Partial<DialerSettings> = {}): DialerSettings => dialerInputSchema.parse({ ...busyCampaign, replications: 100, ...change });
const loose: PrecisionTarget = {
  ...wizardPrecision,
  minReplications: 10,
  relativeHalfWidth: 0.05,
  abandonmentRelative: 0.5,
  abandonmentAbsolute: 0.01,
  abandonmentLimit: null,
};

describe('adaptive replications', () => {
  it('checks at fixed counts from the minimum up to the maximum', () => {
    expect(checkpointsUpTo(200, 30)).toEqual([30, 45, 68, 102, 153, 200]);
    expect(checkpointsUpTo(12, 30)).toEqual([12]);
  });

  it('stops a setting whose intervals are tight at the first checkpoint, and runs one whose verdict is unclear to the end', async () => {
    const settings = settingsOf();
    const full = simulateDialer(settings);
    if (!full.ok) throw new Error(full.error.message);
    const results = await runAdaptively(
      [
        { settings, target: loose },
        // Judged against its own mean: the interval always straddles the limit, so only the maximum ends it.
        { settings, target: { ...loose, abandonmentLimit: full.value.abandonmentRate } },
      ],
      inlineExecutor,
    );
    if (!results.ok) throw new Error(results.error.message);
    const [tight, unclear] = results.value;
    expect(tight!.replications).toBe(10);
    expect(unclear!.replications).toBe(100);
    // At the maximum it is the ordinary run of the same replications, figure for figure.
    expect(unclear).toEqual(full.value);
  });

  it('merges histograms of different bucket widths into exactly one histogram of every completion', () => {
    // Part 0 stays within a day (one-minute buckets); the others reach weeks and so hold wider buckets.
    const parts = [new CompletionHistogram(), new CompletionHistogram(), new CompletionHistogram()];
    const one = new CompletionHistogram();
    for (let k = 0; k < 6000; k++) {
      const part = k % 3;
      const time = part === 0 ? (k * 7919) % 86_400 : (k * 104_729) % (part * 3_000_000);
      parts[part]!.add(time);
      one.add(time);
    }
    expect(parts[0]!.snapshot().bucketSeconds).toBeLessThan(parts[2]!.snapshot().bucketSeconds);
    const merged = new CompletionHistogram();
    for (const part of parts) merged.merge(part.snapshot());
    expect(merged.snapshot()).toEqual(one.snapshot());
    expect(merged.curve(6000)).toEqual(one.curve(6000));
  });
});
