import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoTenant } from '../../electron/demo-tenant/index';
import { hostileFaults } from './hostile-faults';
import { connectTenant } from '../../electron/tenant/connect';
import { demoProfile } from '../../electron/tenant-session/demo-profile';
import { createDispositionImporter } from '../../electron/dispositions/import/disposition-importer';
import { ImportSession } from '../../electron/dispositions/import/import-session';
import { readOutcomeMatrix } from '../../electron/dispositions/import/outcome-matrix';
import { readBatch } from '../../electron/dispositions/import/read-batch';

export interface ImportBenchOptions {
  rows?: number;
  latencyMs?: number;
  /** The demo tenant's limit, and the client profile's starting rate. */
  requestsPerSecond?: number;
  concurrency?: number;
  /** The client profile's configured rate (default: the tenant's). */
  clientMaxRequestsPerSecond?: number;
  /** The hostile tenant: 3% 503, 2% answers lost after apply, 1% dropped writes. */
  faults?: boolean;
  /** Contacts of the file kept on a call (CONNECTED) for the whole run. */
  onCall?: number;
}

export interface ImportBenchFigures {
  rows: number;
  applied: number;
  failed: number;
  wallMs: number;
  /** Requests the tenant answered per row: a PATCH each, plus page reads and the token. */
  requestsPerRow: number;
  /** rows ÷ rate, the figure the issue asks for. */
  floorRowsMs: number;
  /** wall ÷ (rows ÷ rate). */
  wallOverFloor: number;
  requests: number;
  rateLimited: number;
  share429: number;
  rowsPerSecond: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** Until only contacts on a call were left (the whole run when none was). */
  applyPhaseMs: number;
  applyOverFloor: number;
  wallOverApply: number;
  leftWaiting: number;
}

/**
 * Imports `rows` dispositions (default 5,000) into a fresh demo tenant with added
 * latency (default 40 ms) and a rate limit (default 50 requests/s), through the real
 * client and its rate limiter, and measures wall time against the floor.
 */
export async function benchDispositionImport(options: ImportBenchOptions = {}): Promise<ImportBenchFigures> {
  const rows = options.rows ?? 5000;
  const rate = options.requestsPerSecond ?? 50;
  // About 60% of seeded contacts are still PENDING (not yet dialled): seed twice what the rows need.
  const perCampaign = 1000;
  const tenant = await startDemoTenant({
    dialerTickMs: 0,
    latencyMs: options.latencyMs ?? 40,
    rateLimitPerSecond: rate,
    campaignCount: Math.ceil((rows * 2) / perCampaign) + 1,
    contactsPerCampaign: perCampaign,
  });
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-import-'));
  const connection = connectTenant(
    {
      ...demoProfile(tenant),
      maxRequestsPerSecond: options.clientMaxRequestsPerSecond ?? rate,
      ...(options.concurrency ? { maxConcurrency: options.concurrency } : {}),
    },
    async () => tenant.clientSecret,
  );
  try {
    const lines = ['campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp'];
    const outcomes = ['INTERESTED', 'NOT_INTERESTED', 'CALLBACK_LATER', 'NO_ANSWER', 'BUSY'];
    outer: for (const contacts of tenant.state.contacts.values()) {
      for (const contact of contacts.values()) {
        if (lines.length > rows) break outer;
        if (contact.state !== 'PENDING') continue;
        lines.push(`${contact.campaignId},${contact.id},${outcomes[lines.length % outcomes.length]},agent-1,2026-11-20T15:00:00Z`);
      }
    }
    // Contacts spread over the file that the dialer holds on a call until the end.
    const onCall = options.onCall ?? 0;
    for (let i = 0; i < onCall; i += 1) {
      const [campaignId, contactId] = (lines[1 + Math.floor(((i + 0.5) * rows) / onCall)] ?? '').split(',');
      const contact = tenant.state.contacts.get(campaignId ?? '')?.get(contactId ?? '');
      if (contact) contact.state = 'CONNECTED';
    }
    if (lines.length - 1 < rows) throw new Error(`The demo tenant has only ${lines.length - 1} PENDING contacts for ${rows} rows.`);
    const path = join(dir, 'bench.csv');
    writeFileSync(path, `${lines.join('\n')}\n`);
    const matrix = await readOutcomeMatrix(connection.referenceData);
    const session = new ImportSession('bench', await readBatch(path, { fileName: 'bench.csv', outcomeMatrix: matrix.codes }), matrix);
    let applyPhaseEnd: number | null = null;
    const importer = createDispositionImporter({
      dir: join(dir, 'imports'),
      contacts: () => connection.contacts,
      maxConcurrency: () => connection.limiter.snapshot().maxConcurrency,
      onProgress: (progress) => {
        if (progress.detail.busyTail && applyPhaseEnd === null) applyPhaseEnd = performance.now();
      },
    });
    // Faults only for the import itself, not for the outcome matrix read above.
    if (options.faults) tenant.injectFaults(...hostileFaults(rows * 4));
    tenant.resetStats();
    const startedAt = performance.now();
    const started = await importer.start(session.toSpec());
    if (!started.ok) throw new Error(started.error.message);
    const report = await started.value.done;
    const stats = tenant.stats();
    const count = lines.length - 1;
    const floorRowsMs = (count / rate) * 1000;
    const applyPhaseMs = applyPhaseEnd === null ? report.wallMs : applyPhaseEnd - startedAt;
    return {
      rows: count,
      applied: report.counts.applied,
      failed: report.counts.failed,
      wallMs: report.wallMs,
      requestsPerRow: stats.requests / count,
      floorRowsMs,
      wallOverFloor: report.wallMs / floorRowsMs,
      requests: stats.requests,
      rateLimited: stats.rateLimited,
      share429: stats.requests > 0 ? stats.rateLimited / stats.requests : 0,
      rowsPerSecond: report.wallMs > 0 ? (report.counts.applied * 1000) / report.wallMs : 0,
      latencyP50Ms: report.latencyMs.p50,
      latencyP95Ms: report.latencyMs.p95,
      applyPhaseMs: Math.round(applyPhaseMs),
      applyOverFloor: applyPhaseMs / floorRowsMs,
      wallOverApply: report.wallMs / applyPhaseMs,
      leftWaiting: report.counts.waitingBusy,
    };
  } finally {
    connection.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
