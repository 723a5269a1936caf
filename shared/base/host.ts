/**
 * The few host globals shared/base needs, typed here because shared/ compiles without DOM
 * or Node types. Read from globalThis at call time, so test fake timers take effect.
 */

/** The part of an AbortSignal shared/base reads; DOM and Node signals both fit it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

export type TimerHandle = unknown;

interface Host {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  console: { error(...values: unknown[]): void };
}

const host = globalThis as unknown as Host;

export const setTimer = (callback: () => void, ms: number): TimerHandle => host.setTimeout(callback, ms);
export const clearTimer = (handle: TimerHandle): void => host.clearTimeout(handle);
export const reportError = (...values: unknown[]): void => host.console.error(...values);
