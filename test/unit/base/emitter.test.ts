import { describe, expect, it, vi } from 'vitest';
import { Emitter } from '../../../shared/base/emitter';

describe('Emitter', () => {
  it('delivers each fired value to every listener until it is disposed', () => {
    const emitter = new Emitter<number>();
    const first: number[] = [];
    const second: number[] = [];
    const stopFirst = emitter.event((n) => first.push(n));
    emitter.event((n) => second.push(n));
    emitter.fire(1);
    stopFirst();
    stopFirst();
    emitter.fire(2);
    expect(first).toEqual([1]);
    expect(second).toEqual([1, 2]);
  });

  it('keeps calling the other listeners and returns normally when one throws, reporting the error', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<string>({ onListenerError: (error) => errors.push(error) });
    const seen: string[] = [];
    const failure = new Error('listener broke');
    emitter.event(() => {
      throw failure;
    });
    emitter.event((value) => seen.push(value));
    expect(() => emitter.fire('a')).not.toThrow();
    expect(seen).toEqual(['a']);
    expect(errors).toEqual([failure]);
  });

  it('reports a throwing listener on console.error by default', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const emitter = new Emitter<void>();
      emitter.event(() => {
        throw new Error('boom');
      });
      emitter.fire();
      expect(consoleError).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'boom' }));
    } finally {
      consoleError.mockRestore();
    }
  });

  it('survives an error reporter that throws too', () => {
    const emitter = new Emitter<void>({
      onListenerError: () => {
        throw new Error('reporter broke');
      },
    });
    const seen: string[] = [];
    emitter.event(() => {
      throw new Error('listener broke');
    });
    emitter.event(() => seen.push('second'));
    expect(() => emitter.fire()).not.toThrow();
    expect(seen).toEqual(['second']);
  });

  it('skips a listener removed by an earlier one during the same fire, and does not call one added during it', () => {
    const emitter = new Emitter<void>();
    const seen: string[] = [];
    let stopSecond = () => {};
    emitter.event(() => {
      seen.push('first');
      stopSecond();
      emitter.event(() => seen.push('late'));
    });
    stopSecond = emitter.event(() => seen.push('second'));
    emitter.fire();
    expect(seen).toEqual(['first']);
  });

  it('treats two subscriptions of the same function as two', () => {
    const emitter = new Emitter<void>();
    let calls = 0;
    const listener = () => {
      calls += 1;
    };
    const stop = emitter.event(listener);
    emitter.event(listener);
    emitter.fire();
    stop();
    emitter.fire();
    expect(calls).toBe(3);
  });

  it('drops every listener on dispose and ignores later subscriptions', () => {
    const emitter = new Emitter<number>();
    const seen: number[] = [];
    emitter.event((n) => seen.push(n));
    expect(emitter.hasListeners).toBe(true);
    emitter.dispose();
    emitter.event((n) => seen.push(n * 10));
    emitter.fire(1);
    expect(seen).toEqual([]);
    expect(emitter.hasListeners).toBe(false);
  });
});
