import { describe, expect, it } from 'vitest';
import { readDispositionTimestamp } from '../../../shared/dispositions/disposition-timestamp';
import { readDispositionTimestampBefore } from './reference/disposition-timestamp-before';

function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

describe('readDispositionTimestamp decides exactly as before its fast path', () => {
  it('agrees on 100,000 generated timestamps, near-misses and garbage', () => {
    const next = random(2024);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const int = (max: number) => Math.floor(next() * max);
    const mutations = ['', 'Z', 'z', '+02:00', '-0530', ' ', 'T', '.', '9', 'a', '\u0661', '-', ':'];
    let accepted = 0;
    for (let round = 0; round < 100_000; round += 1) {
      // Fields over and just past their ranges (month 13, Feb 29/30, hour 24, second 60), years from 0 to 9999.
      const year = pick([int(10_000), 1970 + int(80), 2000, 1900, 2100, 2024, 2023, 50, 999, 1000]);
      const text =
        `${pad(year, 4)}-${pad(int(14), 2)}-${pad(int(33), 2)}${pick(['T', 'T', 'T', ' ', 't'])}${pad(int(26), 2)}:${pad(int(61), 2)}:${pad(int(62), 2)}` +
        `${pick(['', '', '.', '.1', `.${pad(int(1000), 3)}`, `.${pad(int(1000), 3)}`, `,${pad(int(1000), 3)}`, '.1234'])}${pick(['Z', 'Z', 'Z', 'z', '', '+01:00', '+1400', '-15:00'])}`;
      const mutated = next() < 0.2 ? mutate(text, pick(mutations), int(text.length + 1), next() < 0.5) : text;
      const before = readDispositionTimestampBefore(mutated);
      expect(readDispositionTimestamp(mutated), mutated).toEqual(before);
      if (before.ok) accepted += 1;
    }
    // Enough of both decisions to make the agreement mean something.
    expect(accepted).toBeGreaterThan(10_000);
    expect(accepted).toBeLessThan(90_000);
  });

  it('agrees on the edges of the calendar', () => {
    const texts = [
      '2024-02-29T23:59:59Z',
      '2023-02-29T00:00:00Z',
      '2100-02-29T00:00:00.000Z',
      '2000-02-29T12:00:00.999Z',
      '2024-04-31T00:00:00Z',
      '2024-12-31T24:00:00Z',
      '2024-06-01T14:30:60Z',
      '0050-06-01T14:30:00Z',
      '0999-12-31T23:59:59.999Z',
      '1000-01-01T00:00:00Z',
      '9999-12-31T23:59:59.999Z',
      '2024-06-01T14:30:00.00Z',
      '2024-06-01T14:30:00.0000Z',
      '2024-06-01T14:30Z',
      '+02024-06-01T14:30:00Z',
    ];
    for (const text of texts) expect(readDispositionTimestamp(text), text).toEqual(readDispositionTimestampBefore(text));
  });
});

function mutate(text: string, piece: string, at: number, replace: boolean): string {
  return text.slice(0, at) + piece + text.slice(replace ? at + 1 : at);
}
