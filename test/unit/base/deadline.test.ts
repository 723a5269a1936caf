import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadline, settleWithin, withDeadline } from '../../../electron/base/deadline';

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

describe('settleWithin', () => {
  it('gives the work’s answer or its error when it settles in time', async () => {
    await expect(settleWithin(Promise.resolve(7), 1_000, () => new Error('late'))).resolves.toBe(7);
    await expect(settleWithin(Promise.reject(new Error('refused')), 1_000, () => new Error('late'))).rejects.toThrow('refused');
  });

  it('rejects with the caller’s error once the time is up, and ignores the work settling after', async () => {
    let finish: (value: number) => void = () => undefined;
    const settled = settleWithin(new Promise<number>((resolve) => (finish = resolve)), 500, () => new Error('Redis does not answer'));
    const outcome = settled.then(
      (value) => ({ value }),
      (error: Error) => ({ error: error.message }),
    );
    await vi.advanceTimersByTimeAsync(499);
    finish(1);
    expect(await outcome).toEqual({ value: 1 });

    const late = settleWithin(new Promise<number>(() => undefined), 500, () => new Error('Redis does not answer'));
    const lateOutcome = late.catch((error: Error) => error.message);
    await vi.advanceTimersByTimeAsync(500);
    expect(await lateOutcome).toBe('Redis does not answer');
  });
});
