import * as z from 'zod';
import { importCountsSchema, importJobStates } from '../dispositions/import-job';

/** The kinds of long run the console reports; add one here (and its variant below) for a new kind of run. */
export const runKinds = ['bulk-status', 'emergency', 'import', 'simulation', 'schedule', 'automation'] as const;
export type RunKind = (typeof runKinds)[number];

/** `running` until the run ends (a paused or waiting run is still running; its kind's detail says why it is not moving). */
export const runStates = ['running', 'finished', 'cancelled', 'failed'] as const;
export type RunState = (typeof runStates)[number];

/** What every run reports, whatever its kind: the UI's progress bar and the CLI's progress line render these. */
const runProgressFields = {
  runId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  /** Items per second over the run so far. */
  ratePerSecond: z.number().nonnegative().optional(),
  /** Time left at that rate; absent while nothing is done yet. */
  etaMs: z.number().nonnegative().optional(),
  /** Items by how they ended so far (changed/already/failed …, applied/noop/waitingBusy …). */
  counts: z.record(z.string(), z.number()),
  /** Why the run is not moving, or what it waits for, in one sentence. */
  note: z.string().optional(),
  state: z.enum(runStates),
};

/** A pause or resume of campaigns a person selected. */
export const bulkStatusRunProgressSchema = z.object({
  ...runProgressFields,
  kind: z.literal('bulk-status'),
  detail: z.object({ target: z.enum(['running', 'paused']) }),
});

/** The emergency pause, or its resume of exactly what it stopped. */
export const emergencyRunProgressSchema = z.object({
  ...runProgressFields,
  kind: z.literal('emergency'),
  detail: z.object({ action: z.enum(['pause', 'resume']) }),
});

/** An import of dispositions, or its dry run. `done` and `total` count the rows the run sends to the tenant. */
export const importRunProgressSchema = z.object({
  ...runProgressFields,
  kind: z.literal('import'),
  counts: importCountsSchema,
  detail: z.object({
    mode: z.enum(['apply', 'dry_run']),
    /** The job's own state: paused, waiting for the tenant, interrupted (resumes on the next start) … */
    jobState: z.enum(importJobStates),
    /**
     * Only contacts on a call remain: how many, when the next retry goes out and when the run
     * stops waiting for them (they are then left waiting, to be retried later). Null otherwise.
     */
    busyTail: z.object({ contacts: z.number().int(), retryAt: z.string().nullable(), endsAt: z.string() }).nullable(),
  }),
});

/** The New campaign wizard's Simulate step: `done` and `total` count replications across its settings. */
export const simulationRunProgressSchema = z.object({
  ...runProgressFields,
  kind: z.literal('simulation'),
  /** Which part of the report is being simulated (staffing, a dial ratio …). */
  detail: z.object({ stage: z.string() }),
});

export const scheduleRunProgressSchema = z.object({ ...runProgressFields, kind: z.literal('schedule') });
export const automationRunProgressSchema = z.object({ ...runProgressFields, kind: z.literal('automation') });

/** One long run's progress, as the `runs:progress` event carries it. */
export const runProgressSchema = z.discriminatedUnion('kind', [
  bulkStatusRunProgressSchema,
  emergencyRunProgressSchema,
  importRunProgressSchema,
  simulationRunProgressSchema,
  scheduleRunProgressSchema,
  automationRunProgressSchema,
]);
export type RunProgress = z.infer<typeof runProgressSchema>;
export type RunProgressOf<K extends RunKind> = Extract<RunProgress, { kind: K }>;
export type RunCountsOf<K extends RunKind> = RunProgressOf<K>['counts'];
type RunDetails = { [P in RunKind]: RunProgressOf<P> extends { detail: infer D } ? D : undefined };
/** The kind's own figures; `undefined` for kinds that have none. */
export type RunDetailOf<K extends RunKind> = RunDetails[K];

/** Items per second over `elapsedMs`, and the time left at that rate (unknown while the rate is 0). */
export function rateAndEta(done: number, total: number, elapsedMs: number): { ratePerSecond: number; etaMs?: number } {
  const ratePerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = Math.max(0, total - done);
  if (left === 0) return { ratePerSecond, etaMs: 0 };
  return ratePerSecond > 0 ? { ratePerSecond, etaMs: (left / ratePerSecond) * 1000 } : { ratePerSecond };
}
