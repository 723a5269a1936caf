import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { delay } from '../../../shared/base/delay';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('delay', () => {
  it('resolves once the time has passed', async () => {
    let done = false;
    const waiting = delay(1000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await waiting;
    expect(done).toBe(true);
  });

  it('rejects with the signal reason on abort and clears its timer', async () => {
    const controller = new AbortController();
    const waiting = delay(1000, controller.signal);
    const reason = new Error('stopped');
    controller.abort(reason);
    await expect(waiting).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort('gone');
    await expect(delay(1000, controller.signal)).rejects.toBe('gone');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops listening to the signal once it has resolved', async () => {
    const controller = new AbortController();
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const waiting = delay(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await waiting;
    expect(removed).toHaveBeenCalledWith('abort', expect.any(Function));
  });

  it('treats a negative time as none', async () => {
    const waiting = delay(-5);
    await vi.advanceTimersByTimeAsync(0);
    await expect(waiting).resolves.toBeUndefined();
  });
});
