import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRunProgressReporter } from '../../../electron/runs/run-progress-reporter';
import { runProgressSchema, type RunProgressOf } from '../../../shared/runs/run-progress';

describe('run progress reporter', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const bulkReporter = (options: { total?: number; everyMs?: number } = {}) => {
    const sent: RunProgressOf<'bulk-status'>[] = [];
    const reporter = createRunProgressReporter<'bulk-status'>({
      runId: 'run-1',
      kind: 'bulk-status',
      total: options.total ?? 10,
      emit: (progress) => sent.push(progress),
      everyMs: options.everyMs ?? 100,
      now: () => Date.now(),
      counts: {},
      detail: () => ({ target: 'paused' }),
    });
    return { reporter, sent };
  };

  it('sends the first update at once and holds later ones back until the window ends, then sends the last', () => {
    const { reporter, sent } = bulkReporter();
    reporter.update(1, { changed: 1 });
    expect(sent.map((p) => p.done)).toEqual([1]);
    vi.advanceTimersByTime(10);
    reporter.update(2, { changed: 2 });
    reporter.update(3, { changed: 2, failed: 1 });
    expect(sent.map((p) => p.done)).toEqual([1]);
    vi.advanceTimersByTime(90);
    expect(sent.map((p) => p.done)).toEqual([1, 3]);
    expect(sent.at(-1)?.counts).toEqual({ changed: 2, failed: 1 });
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });

  it('sends every update when asked for no throttling', () => {
    const { reporter, sent } = bulkReporter({ everyMs: 0 });
    for (let done = 1; done <= 5; done++) reporter.update(done, { changed: done });
    expect(sent.map((p) => p.done)).toEqual([1, 2, 3, 4, 5]);
  });

  it('always delivers the finish, at once, with the latest figures and how the run ended; nothing after it', () => {
    const { reporter, sent } = bulkReporter();
    reporter.update(1, { changed: 1 });
    reporter.update(4, { changed: 3, already: 1 });
    reporter.finish('cancelled');
    expect(sent.map((p) => [p.done, p.state])).toEqual([
      [1, 'running'],
      [4, 'cancelled'],
    ]);
    expect(sent.at(-1)?.counts).toEqual({ changed: 3, already: 1 });
    reporter.update(5, { changed: 5 });
    reporter.finish('finished');
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
    expect(reporter.current().state).toBe('cancelled');
  });

  it('computes the rate over the run so far and the time left at that rate', () => {
    const { reporter, sent } = bulkReporter({ total: 50 });
    vi.advanceTimersByTime(2000);
    reporter.update(10, {});
    expect(sent.at(-1)).toMatchObject({ done: 10, total: 50, ratePerSecond: 5, etaMs: 8000 });
    vi.advanceTimersByTime(2000);
    reporter.setTotal(60);
    reporter.update(20, {});
    expect(sent.at(-1)).toMatchObject({ done: 20, total: 60, ratePerSecond: 5, etaMs: 8000 });
  });

  it('leaves what an earlier run did out of the rate, but counts it as done', () => {
    const sent: RunProgressOf<'emergency'>[] = [];
    const reporter = createRunProgressReporter<'emergency'>({
      runId: 'run-2',
      kind: 'emergency',
      total: 100,
      doneBefore: 80,
      emit: (progress) => sent.push(progress),
      now: () => Date.now(),
      counts: {},
      detail: () => ({ action: 'pause' }),
    });
    vi.advanceTimersByTime(1000);
    reporter.update(90, {});
    expect(sent.at(-1)).toMatchObject({ done: 90, total: 100, ratePerSecond: 10, etaMs: 1000 });
  });

  it('says nothing about the time left before anything is done', () => {
    const { reporter, sent } = bulkReporter();
    vi.advanceTimersByTime(500);
    reporter.update(0, {});
    expect(sent.at(-1)?.ratePerSecond).toBe(0);
    expect(sent.at(-1)).not.toHaveProperty('etaMs');
  });

  it('flush sends a held-back update at once, and nothing when none is held', () => {
    const { reporter, sent } = bulkReporter();
    reporter.update(1, {});
    reporter.flush();
    expect(sent).toHaveLength(1);
    reporter.update(2, {}, 'Paused by the lead.');
    reporter.flush();
    expect(sent.map((p) => [p.done, p.note])).toEqual([
      [1, undefined],
      [2, 'Paused by the lead.'],
    ]);
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
  });

  it('reads the kind’s detail when it sends, and every progress it sends is a valid RunProgress', () => {
    let jobState: 'running' | 'paused' = 'running';
    const sent: RunProgressOf<'import'>[] = [];
    const counts = { applied: 0, noop: 0, rejected: 0, superseded: 0, failed: 0, pending: 3, waitingBusy: 0 };
    const reporter = createRunProgressReporter<'import'>({
      runId: 'job-1',
      kind: 'import',
      total: 3,
      emit: (progress) => sent.push(progress),
      now: () => Date.now(),
      counts,
      detail: () => ({ mode: 'apply', jobState, busyTail: null }),
    });
    reporter.update(1, { ...counts, applied: 1, pending: 2 });
    jobState = 'paused';
    vi.advanceTimersByTime(100);
    reporter.update(1, { ...counts, applied: 1, pending: 2 }, 'Paused; resume to continue.');
    reporter.finish('finished');
    expect(sent.map((p) => p.detail.jobState)).toEqual(['running', 'paused', 'paused']);
    for (const progress of sent) expect(runProgressSchema.parse(progress)).toEqual(progress);
    expect(sent[0]).toMatchObject({ runId: 'job-1', kind: 'import', counts: { applied: 1, pending: 2 } });
  });
});
