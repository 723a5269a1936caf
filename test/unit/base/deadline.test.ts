import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadline, withDeadline } from '../../../electron/base/deadline';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('withDeadline', () => {
  it('aborts with a TimeoutError when the time is up', () => {
    const limit = deadline(1000);
    vi.advanceTimersByTime(999);
    expect(limit.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(limit.signal.aborted).toBe(true);
    expect(limit.signal.reason).toMatchObject({ name: 'TimeoutError' });
    expect(limit.passed).toBe(true);
  });

  it('aborts with the given reason when the time is up', () => {
    const reason = new Error('too slow');
    const limit = withDeadline(new AbortController().signal, 10, reason);
    vi.advanceTimersByTime(10);
    expect(limit.signal.reason).toBe(reason);
  });

  it('is aborted at once when the time limit is not positive', () => {
    const limit = withDeadline(new AbortController().signal, 0);
    expect(limit.signal.aborted).toBe(true);
    expect(limit.passed).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('aborts with the parent reason when the parent aborts first, and clears its timer', () => {
    const parent = new AbortController();
    const limit = withDeadline(parent.signal, 1000);
    parent.abort('cancelled');
    expect(limit.signal.reason).toBe('cancelled');
    expect(limit.passed).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is aborted at once when the parent already is', () => {
    const parent = new AbortController();
    parent.abort('gone');
    const limit = withDeadline(parent.signal, 1000);
    expect(limit.signal.reason).toBe('gone');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never aborts once cleared, and stops listening to the parent', () => {
    const parent = new AbortController();
    const removed = vi.spyOn(parent.signal, 'removeEventListener');
    const limit = withDeadline(parent.signal, 10);
    limit.clear();
    expect(vi.getTimerCount()).toBe(0);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
    vi.advanceTimersByTime(100);
    parent.abort('later');
    expect(limit.signal.aborted).toBe(false);
  });

  it('stops listening to the parent once its time is up', () => {
    const parent = new AbortController();
    const removed = vi.spyOn(parent.signal, 'removeEventListener');
    withDeadline(parent.signal, 10);
    vi.advanceTimersByTime(10);
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });
});
