import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadline, deadlinePassed, withDeadline } from '../../../electron/base/deadline';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('withDeadline', () => {
  it('aborts with a TimeoutError when the time is up', () => {
    const signal = deadline(1000);
    vi.advanceTimersByTime(999);
    expect(signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toMatchObject({ name: 'TimeoutError' });
    expect(deadlinePassed(signal)).toBe(true);
  });

  it('aborts with the parent reason when the parent aborts first, and clears its timer', () => {
    const parent = new AbortController();
    const signal = withDeadline(parent.signal, 1000);
    parent.abort('cancelled');
    expect(signal.reason).toBe('cancelled');
    expect(deadlinePassed(signal)).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is aborted at once when the parent already is', () => {
    const parent = new AbortController();
    parent.abort('gone');
    const signal = withDeadline(parent.signal, 1000);
    expect(signal.reason).toBe('gone');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops listening to the parent once its deadline has passed', () => {
    const parent = new AbortController();
    const removed = vi.spyOn(parent.signal, 'removeEventListener');
    withDeadline(parent.signal, 10);
    vi.advanceTimersByTime(10);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});
