import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Emitter } from '../../../shared/base/emitter';
import { debounce, debounced, throttle, throttled } from '../../../shared/base/event';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('debounce', () => {
  it('delivers only the last value, once the source has been quiet for the interval', () => {
    const source = new Emitter<number>();
    const seen: number[] = [];
    debounce(source.event, 100)((n) => seen.push(n));
    source.fire(1);
    vi.advanceTimersByTime(60);
    source.fire(2);
    vi.advanceTimersByTime(60);
    source.fire(3);
    vi.advanceTimersByTime(99);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([3]);
  });

  it('delivers nothing after its subscription is disposed, and unsubscribes from the source', () => {
    const source = new Emitter<number>();
    const seen: number[] = [];
    const stop = debounce(source.event, 100)((n) => seen.push(n));
    source.fire(1);
    stop();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([]);
    expect(source.hasListeners).toBe(false);
  });
});

describe('throttle', () => {
  it('delivers the first value at once, then at most one per interval, and always the last', () => {
    const source = new Emitter<number>();
    const seen: number[] = [];
    throttle(source.event, 100)((n) => seen.push(n));
    source.fire(1);
    expect(seen).toEqual([1]);
    source.fire(2);
    source.fire(3);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 3]);
    source.fire(4);
    expect(seen).toEqual([1, 3]);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 3, 4]);
  });

  it('delivers at once again after a quiet window', () => {
    const source = new Emitter<string>();
    const seen: string[] = [];
    throttle(source.event, 100)((s) => seen.push(s));
    source.fire('a');
    vi.advanceTimersByTime(250);
    source.fire('b');
    expect(seen).toEqual(['a', 'b']);
  });

  it('drops the kept value when its subscription is disposed', () => {
    const source = new Emitter<number>();
    const seen: number[] = [];
    const stop = throttle(source.event, 100)((n) => seen.push(n));
    source.fire(1);
    source.fire(2);
    stop();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([1]);
    expect(source.hasListeners).toBe(false);
  });
});

describe('throttled', () => {
  it('flush delivers the kept value now and starts a new window', () => {
    const seen: number[] = [];
    const gate = throttled<number>((n) => seen.push(n), 100);
    gate.push(1);
    gate.push(2);
    gate.flush();
    expect(seen).toEqual([1, 2]);
    gate.push(3);
    expect(seen).toEqual([1, 2]);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 2, 3]);
    gate.flush();
    expect(seen).toEqual([1, 2, 3]);
  });

  it('keeps its rhythm when the listener throws', () => {
    const seen: number[] = [];
    const gate = throttled<number>((n) => {
      seen.push(n);
      if (n === 1) throw new Error('listener broke');
    }, 100);
    expect(() => gate.push(1)).toThrow('listener broke');
    gate.push(2);
    expect(seen).toEqual([1]);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([1, 2]);
  });
});

describe('throttled without leading delivery', () => {
  it('holds the first value of a burst until its window closes, then at most one per interval', () => {
    const seen: number[] = [];
    const gate = throttled<number>((n) => seen.push(n), 100, { leading: false });
    gate.push(1);
    gate.push(2);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(seen).toEqual([2]);
    gate.push(3);
    vi.advanceTimersByTime(50);
    expect(seen).toEqual([2]);
    vi.advanceTimersByTime(50);
    expect(seen).toEqual([2, 3]);
    gate.cancel();
    vi.advanceTimersByTime(500);
    expect(seen).toEqual([2, 3]);
  });
});

describe('debounced', () => {
  it('delivers the last push once the interval passes without another, and cancel drops it', () => {
    const seen: string[] = [];
    const gate = debounced<string>((v) => seen.push(v), 100);
    gate.push('a');
    vi.advanceTimersByTime(60);
    gate.push('b');
    vi.advanceTimersByTime(60);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(40);
    expect(seen).toEqual(['b']);
    gate.push('c');
    gate.cancel();
    vi.advanceTimersByTime(200);
    expect(seen).toEqual(['b']);
  });
});
