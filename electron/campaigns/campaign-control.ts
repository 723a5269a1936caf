import { randomUUID } from 'node:crypto';
import type { AuditActor, AuditEntryInput } from '../../shared/audit/audit-entry';
import type { AuditWriter } from '../audit/audit-writer';
import { countOutcomes, type EmergencyRun, type EmergencyState, type StatusChangeResult } from '../../shared/campaigns/status-change';
import type { Campaign, RequestedStatus } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import type { RunProgressOf } from '../../shared/runs/run-progress';
import { mapWithConcurrency } from '../concurrency/map-with-concurrency';
import { nextTurn } from '../concurrency/next-turn';
import { createRunProgressReporter } from '../runs/run-progress-reporter';
import type { StatusChangeIntent, TenantConnection } from '../tenant/ports';
import type { CampaignDirectory } from './campaign-directory';
import { awaitActivation, type ActivationPolling } from './await-activation';
import { createEmergencyLedger } from './emergency-ledger';
import type { EmergencyRecord, EmergencyRecordData, PausedByEmergency } from './emergency-record';
import { changeCampaignStatus, type CampaignRef } from './status-changer';
import { describeStorageProblem } from './storage-problem';
import { notDialingAnyMore, type DialingHint } from './dialing-hint';
import { settleAsRunOwn, type RunCampaignRef, type TrackedResult } from './stopped-by-run';

/** The campaigns a run acts on: those known now, and those a listing adds later, a page at a time. */
interface CollectedRefs<R> {
  known: R[];
  rest: AsyncIterable<R[]> | Iterable<R[]>;
}

/** Pages small enough that the command line (which knows nothing before it lists) sends its first PATCH after one short read. */
const emergencyListPageSize = 100;

export interface CampaignControlOptions {
  connection: () => TenantConnection;
  tenantLabel: () => string;
  directory: CampaignDirectory;
  /** The emergency record of the tenant connected now. */
  record: () => EmergencyRecord;
  audit: AuditWriter;
  /** The audit log's folder, named when it cannot be written. */
  auditFolder?: string;
  concurrency?: number;
  /** How the emergency pause waits for campaigns still activating before pausing them. */
  activationPolling?: ActivationPolling;
  now?: () => number;
  onProgress?: (progress: RunProgressOf<'emergency'>) => void;
  onEmergencyChange?: (state: EmergencyState) => void;
  /** The campaigns last seen dialing on the tenant connected now, saved for the next run that knows nothing yet (the command line). */
  dialingHint?: () => DialingHint | null;
}

/** A caller's hold on one `setStatus` run: stop it, and hear each result as it lands. */
export interface StatusRunOptions {
  /** Aborting stops starting new requests; campaigns not attempted come back as 'cancelled'. */
  signal?: AbortSignal;
  onResult?: (result: StatusChangeResult, done: number, total: number) => void;
}

export interface CampaignControl {
  setStatus(ids: readonly string[], target: 'running' | 'paused', actor: AuditActor, run?: StatusRunOptions): Promise<StatusChangeResult[]>;
  emergencyPause(actor: AuditActor): Promise<EmergencyRun>;
  resumeEmergency(actor: AuditActor): Promise<EmergencyRun>;
  cancelEmergency(): boolean;
  emergencyState(): EmergencyState;
}

const auditOutcome = {
  changed: 'success',
  already: 'already',
  impossible: 'impossible',
  failed: 'failed',
  cancelled: 'cancelled',
} as const;

/**
 * Pause and resume, one campaign or all of them. The emergency pause remembers
 * exactly which campaigns it stopped (and at which version), so its resume restarts
 * only those nobody has touched since.
 */
export function createCampaignControl(options: CampaignControlOptions): CampaignControl {
  const now = options.now ?? Date.now;
  const concurrency = options.concurrency ?? 16;
  let active: { run: EmergencyRun; controller: AbortController; promise: Promise<EmergencyRun> } | null = null;

  const ledger = createEmergencyLedger(options.record);

  const state = (): EmergencyState => {
    const record = ledger.read();
    return {
      pausedByEmergency: record.paused.map(({ campaignId, name, pausedAt }) => ({ campaignId, name, pausedAt })),
      lastRun: active?.run ?? record.lastRun,
      running: active !== null,
      recordProblems: ledger.problems(),
    };
  };
  const emitState = () => options.onEmergencyChange?.(state());

  /** An audit entry that never fails the caller: null once written, else why it could not be. */
  const appendAudit = (entry: AuditEntryInput): Promise<string | null> =>
    options.audit.append(entry).then(
      () => null,
      (error: unknown) => `The audit log could not be written: ${describeStorageProblem(error, options.auditFolder)}.`,
    );

  const auditEntry = (actor: AuditActor, action: string, result: StatusChangeResult, details?: Record<string, unknown>): AuditEntryInput => ({
    actor,
    tenant: options.tenantLabel(),
    action,
    target: { type: 'campaign', id: result.campaignId, name: result.name },
    before: { status: result.statusBefore },
    after: { status: result.statusAfter },
    outcome: auditOutcome[result.outcome],
    reason: result.reason,
    latencyMs: Math.round(result.latencyMs),
    details,
  });
  const audit = (actor: AuditActor, action: string, result: StatusChangeResult) => options.audit.append(auditEntry(actor, action, result));

  const refOf = (id: string): CampaignRef => {
    const known = options.directory.find(id);
    return known ? { id, name: known.name, status: known.status } : { id };
  };

  const changeTracked = async (ref: CampaignRef, target: RequestedStatus, intent?: StatusChangeIntent): Promise<TrackedResult> => {
    let connection: TenantConnection;
    try {
      connection = options.connection();
    } catch (thrown) {
      // No usable tenant: every campaign of the run is reported as not changed, with why.
      const error = toConsoleError(thrown);
      const base = { campaignId: ref.id, name: ref.name ?? ref.id, target, statusBefore: ref.status ?? null, statusAfter: null, latencyMs: 0, campaign: null };
      return { ...base, outcome: 'failed', reason: error.message, error };
    }
    options.directory.markPending(ref.id, target);
    const result = await changeCampaignStatus(connection.campaigns, ref, target, { now, ...(intent ? { intent } : {}) });
    options.directory.settle(ref.id, result.campaign);
    return result;
  };

  /** Drops `ids` from what the emergency pause owns; the recovery notice goes once nothing it recovered is left. */
  const forgetEmergencyOwnership = (ids: ReadonlySet<string>): string | null => {
    const data = ledger.read();
    const remaining = data.paused.filter((entry) => !ids.has(entry.campaignId));
    if (remaining.length === data.paused.length) return null;
    const next: EmergencyRecordData = { ...data, paused: remaining, ...(remaining.length === 0 ? { recovered: null } : {}) };
    const problem = ledger.write(next);
    emitState();
    return problem;
  };

  /**
   * Everything the tenant lists as dialing, a page at a time; what the console knows when the
   * tenant cannot list. All campaigns are listed, not filtered by status: pausing changes which
   * campaigns a status filter matches, so its later pages would skip some, while the full list
   * stays put (and one listing sees a campaign whether it is still activating or running).
   */
  async function* listDialing(): AsyncGenerator<RunCampaignRef[]> {
    const refOfCampaign = (campaign: Campaign): RunCampaignRef => ({
      id: campaign.id,
      name: campaign.name,
      status: campaign.status,
      seenVersion: campaign.version,
    });
    const dialing = (campaign: Campaign) => campaign.status === 'running' || campaign.status === 'activating';
    try {
      let page: RunCampaignRef[] = [];
      const seenDialing: RunCampaignRef[] = [];
      let read = 0;
      for await (const campaign of options.connection().campaigns.list({ pageSize: emergencyListPageSize })) {
        if (dialing(campaign)) {
          page.push(refOfCampaign(campaign));
          seenDialing.push(refOfCampaign(campaign));
        }
        read += 1;
        if (read % emergencyListPageSize === 0 && page.length > 0) {
          yield page;
          page = [];
        }
      }
      if (page.length > 0) yield page;
      options.dialingHint?.()?.write(seenDialing);
    } catch {
      // The tenant could not list everything: what the console already knew is being paused.
    }
  }

  const runEmergency = <R extends RunCampaignRef>(
    kind: 'pause' | 'resume',
    actor: AuditActor,
    collect: (signal: AbortSignal) => CollectedRefs<R>,
    act: (ref: R, signal: AbortSignal, runStartedAt: number) => Promise<TrackedResult>,
    settle: (results: StatusChangeResult[], refs: R[]) => string | null,
  ): Promise<EmergencyRun> => {
    if (active) return active.promise;
    const controller = new AbortController();
    const run: EmergencyRun = {
      id: randomUUID(),
      kind,
      startedAt: new Date(now()).toISOString(),
      finishedAt: null,
      total: 0,
      done: 0,
      results: [],
      cancelled: false,
      recordProblems: [],
    };
    const started = now();
    const progress = createRunProgressReporter({
      runId: run.id,
      kind: 'emergency',
      total: 0,
      emit: (value) => options.onProgress?.(value),
      now,
      counts: {},
      detail: () => ({ action: kind }),
    });
    const outcomes = countOutcomes([]);
    const problems = new Set<string>(ledger.problems());
    const noteProblem = (problem: string | null) => {
      if (problem) problems.add(problem);
    };
    const promise = (async () => {
      const collected = collect(controller.signal);
      const refs = [...collected.known];
      run.total = refs.length;
      progress.setTotal(run.total);
      emitState();
      // The brake first: audit entries are written behind the requests and never hold them up.
      const audits: Promise<string | null>[] = [];
      const action = kind === 'pause' ? 'campaign.emergency_pause' : 'campaign.emergency_resume';
      const actOn = (batch: readonly R[]) =>
        mapWithConcurrency(batch, concurrency, (ref) => act(ref, controller.signal, started), {
          signal: controller.signal,
          onResult: ({ campaign: _campaign, ...result }) => {
            run.results.push(result);
            run.done++;
            audits.push(appendAudit(auditEntry(actor, action, result, { runId: run.id })));
            outcomes[result.outcome] += 1;
            progress.update(run.done, { ...outcomes });
          },
        });
      // What is known goes out at once; what only the tenant's listing shows follows as each page arrives.
      const batches = [actOn(collected.known)];
      const seen = new Set(refs.map((ref) => ref.id));
      // The first known campaign's PATCH leaves before the listing's first request is prepared.
      if (collected.known.length > 0) await nextTurn();
      for await (const page of collected.rest) {
        if (controller.signal.aborted) break;
        const more = page.filter((ref) => !seen.has(ref.id));
        if (more.length === 0) continue;
        for (const ref of more) seen.add(ref.id);
        refs.push(...more);
        run.total = refs.length;
        progress.setTotal(run.total);
        emitState();
        batches.push(actOn(more));
      }
      await Promise.all(batches);
      const attempted = new Set(run.results.map((r) => r.campaignId));
      for (const ref of refs) {
        if (!attempted.has(ref.id)) run.results.push(notAttempted(ref, kind === 'pause' ? 'paused' : 'running'));
      }
      run.cancelled = controller.signal.aborted;
      progress.finish(run.cancelled ? 'cancelled' : 'finished');
      run.finishedAt = new Date(now()).toISOString();
      noteProblem(settle(run.results, refs));
      const counts = countOutcomes(run.results);
      audits.push(
        appendAudit({
          actor,
          tenant: options.tenantLabel(),
          action: `${action}.run`,
          target: { type: 'tenant', id: options.tenantLabel() },
          outcome: counts.failed + counts.impossible + counts.cancelled === 0 && problems.size === 0 ? 'success' : 'failed',
          latencyMs: Math.round(now() - started),
          details: { runId: run.id, ...counts, total: run.total, ...(problems.size > 0 ? { recordProblems: [...problems] } : {}) },
        }),
      );
      for (const problem of await Promise.all(audits)) noteProblem(problem);
      noteProblem(ledger.write({ ...ledger.read(), lastRun: { ...run, recordProblems: [...problems] } }));
      run.recordProblems = [...problems];
      return run;
    })().finally(() => {
      // Only a run that threw is still running here.
      progress.finish('failed');
      active = null;
      emitState();
    });
    active = { run, controller, promise };
    return promise;
  };

  const campaignsPort = () => options.connection().campaigns;
  /** The emergency pause tells the tenant it is one (the Admin API may then stop with force, as the lead chose). */
  const emergency: StatusChangeIntent = { urgency: 'emergency' };

  /** Pauses one campaign the emergency listed; one still activating is waited for until it dials, then stopped. */
  const pauseDialing = async (ref: RunCampaignRef, signal: AbortSignal): Promise<TrackedResult> => {
    let result = await changeTracked(ref, 'paused', emergency);
    if (result.outcome === 'impossible' && result.statusAfter === 'activating') {
      // The tenant cannot pause a campaign mid-activation: wait until it dials, then stop it.
      try {
        const settled = await awaitActivation(options.connection().campaigns, ref.id, signal, options.activationPolling);
        if (settled?.status === 'running') result = await changeTracked({ ...ref, status: 'running' }, 'paused', emergency);
        else if (settled?.status === 'failed')
          result = { ...result, outcome: 'already', statusAfter: 'failed', reason: 'Activation failed: the campaign is not dialing.' };
      } catch (thrown) {
        const error = toConsoleError(thrown);
        result = {
          ...result,
          outcome: 'failed',
          statusAfter: null,
          error,
          reason: `Still activating, and the tenant stopped answering while the console waited to pause it: ${error.message}`,
        };
      }
    } else if (result.outcome === 'impossible' && result.statusAfter === 'running') {
      // An activation that completed while we asked: now it can be paused.
      result = await changeTracked(ref, 'paused', emergency);
    }
    if (result.outcome === 'impossible' && result.statusAfter === 'activating') {
      result = {
        ...result,
        reason: 'Still activating after waiting for it: the tenant cannot pause it until it is running. Pause it again from the Campaigns screen.',
      };
    }
    return result;
  };

  return {
    async setStatus(ids, target, actor, run = {}) {
      const refs = ids.map(refOf);
      let done = 0;
      const outcome = await mapWithConcurrency(
        refs,
        concurrency,
        async (ref) => {
          const { campaign: _campaign, ...result } = await changeTracked(ref, target);
          await audit(actor, target === 'paused' ? 'campaign.pause' : 'campaign.resume', result);
          return result;
        },
        { signal: run.signal, onResult: (result) => run.onResult?.(result, ++done, refs.length) },
      );
      const results = refs.map((ref, index) => outcome.results[index] ?? notAttempted(ref, target));
      // A person acted on these campaigns: the emergency pause no longer owns them.
      forgetEmergencyOwnership(new Set(results.filter((r) => r.outcome !== 'cancelled').map((r) => r.campaignId)));
      return results;
    },

    emergencyPause(actor) {
      /** What this run stopped, kept in memory and written to the record behind the requests. */
      const stopped = new Map<string, PausedByEmergency>();
      const fromHint = new Set<string>();
      let writeScheduled = false;
      let lastProblem: string | null = null;
      const writeStopped = () => {
        writeScheduled = false;
        const data = ledger.read();
        lastProblem = ledger.write({ ...data, paused: [...data.paused.filter((p) => !stopped.has(p.campaignId)), ...stopped.values()] });
      };
      const remember = (entry: PausedByEmergency) => {
        stopped.set(entry.campaignId, entry);
        if (writeScheduled) return;
        writeScheduled = true;
        setImmediate(writeStopped);
      };
      return runEmergency<RunCampaignRef>(
        'pause',
        actor,
        () => {
          // The campaigns the console already shows dialing are paused straight away, before the
          // tenant's own listing (which may take seconds on a throttled tenant) comes back. They come
          // from the last refresh, so no version the run read: the tenant's updatedAt tells whether a pause is the run's.
          const snapshot = options.directory.snapshot().campaigns;
          const known = snapshot
            .filter((campaign) => campaign.status === 'running' || campaign.status === 'activating')
            .map((campaign): RunCampaignRef => ({ id: campaign.id, name: campaign.name, status: campaign.status }));
          // A command line knows nothing yet: the campaigns last seen dialing go out before its own listing answers.
          const listed = new Set(snapshot.map((campaign) => campaign.id));
          for (const ref of options.dialingHint?.()?.read() ?? []) {
            if (listed.has(ref.id)) continue;
            fromHint.add(ref.id);
            known.push(ref);
          }
          return { known, rest: listDialing() };
        },
        async (ref, signal, runStartedAt) => {
          const settled = await settleAsRunOwn(campaignsPort, ref, await pauseDialing(ref, signal), 'paused', runStartedAt);
          const result = fromHint.has(ref.id) ? notDialingAnyMore(settled) : settled;
          if (result.outcome === 'changed' && result.campaign) {
            remember({ campaignId: ref.id, name: result.campaign.name, pausedAt: new Date(now()).toISOString(), version: result.campaign.version });
          }
          return result;
        },
        () => {
          writeStopped();
          return lastProblem;
        },
      );
    },

    resumeEmergency(actor) {
      const owned = new Map(ledger.read().paused.map((entry) => [entry.campaignId, entry]));
      return runEmergency<RunCampaignRef>(
        'resume',
        actor,
        () => ({ known: [...owned.values()].map((entry) => ({ id: entry.campaignId, name: entry.name, status: 'paused' as const })), rest: [] }),
        async (ref, _signal, runStartedAt) => {
          const entry = owned.get(ref.id);
          const started = now();
          let fresh: Campaign;
          try {
            fresh = await options.connection().campaigns.get(ref.id);
          } catch (thrown) {
            const error = toConsoleError(thrown);
            return {
              campaignId: ref.id,
              name: ref.name ?? ref.id,
              target: 'running' as const,
              outcome: 'failed' as const,
              statusBefore: 'paused',
              statusAfter: null,
              reason: error.message,
              error,
              latencyMs: now() - started,
              campaign: null,
            };
          }
          if (fresh.status === 'running') {
            return {
              campaignId: ref.id,
              name: fresh.name,
              target: 'running' as const,
              outcome: 'already' as const,
              statusBefore: fresh.status,
              statusAfter: fresh.status,
              reason: 'Already running.',
              latencyMs: now() - started,
              campaign: fresh,
            };
          }
          // A version recovered from a damaged record may be unknown: then being paused is all that can be checked.
          if (fresh.status !== 'paused' || (entry && entry.version !== null && fresh.version !== entry.version)) {
            return {
              campaignId: ref.id,
              name: fresh.name,
              target: 'running' as const,
              outcome: 'impossible' as const,
              statusBefore: fresh.status,
              statusAfter: fresh.status,
              reason: `Changed since the emergency pause (now ${fresh.status}, version ${entry?.version ?? '?'} → ${fresh.version}); left as it is.`,
              latencyMs: now() - started,
              campaign: fresh,
            };
          }
          const seen: RunCampaignRef = { id: ref.id, name: fresh.name, status: fresh.status, seenVersion: fresh.version };
          return settleAsRunOwn(campaignsPort, seen, await changeTracked(seen, 'running'), 'running', runStartedAt);
        },
        (results) => {
          // Keep only what could not be resolved, so a second resume can retry it.
          const resolved = new Set(results.filter((r) => r.outcome !== 'failed' && r.outcome !== 'cancelled').map((r) => r.campaignId));
          return forgetEmergencyOwnership(resolved);
        },
      );
    },

    cancelEmergency() {
      if (!active) return false;
      active.controller.abort();
      return true;
    },

    emergencyState: state,
  };
}

function notAttempted(ref: CampaignRef, target: 'running' | 'paused'): StatusChangeResult {
  return {
    campaignId: ref.id,
    name: ref.name ?? ref.id,
    target,
    outcome: 'cancelled',
    statusBefore: ref.status ?? null,
    statusAfter: ref.status ?? null,
    reason: 'Not attempted: the run was cancelled.',
    latencyMs: 0,
  };
}
