import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAdminApiDemoTenant } from '../../electron/demo-tenant-admin/index';
import { createDispositionImporter } from '../../electron/dispositions/import/disposition-importer';
import { ImportSession } from '../../electron/dispositions/import/import-session';
import { readOutcomeMatrix } from '../../electron/dispositions/import/outcome-matrix';
import { readBatch } from '../../electron/dispositions/import/read-batch';
import { outcomeCodeOfDispositionName } from '../../electron/tenant/admin-api/assumptions';
import { connectTenant } from '../../electron/tenant/connect';
import { adminApiDemoProfile } from '../../electron/tenant-session/demo-profile';

export interface AdminImportBenchOptions {
  rows: number;
  /** The simulated tenant's limit (no Retry-After, as the public facts warn), and the client's rate. */
  requestsPerSecond: number;
  latencyMs: number;
}

export interface AdminImportBenchFigures {
  rows: number;
  applied: number;
  failed: number;
  wallMs: number;
  /** Each row needs a read, the set-disposition and its read-back: 3 requests at the tenant's rate. */
  floorMs: number;
  wallOverFloor: number;
  requests: number;
  requestsPerRow: number;
  rateLimited: number;
  share429: number;
  rowsPerSecond: number;
  latencyP50Ms: number | null;
  latencyP95Ms: number | null;
  /** Rows whose disposition the tenant holds afterwards, read from its own state. */
  heldByTenant: number;
  /** The first words of each kind of failure, with how many rows it hit. */
  failureKinds: [string, number][];
}

/** Failure messages grouped with their numbers and ids blanked, most frequent first. */
function failureKinds(messages: readonly string[]): [string, number][] {
  const kinds = new Map<string, number>();
  for (const message of messages) {
    const kind = message.replace(/\d+/g, 'N').slice(0, 140);
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return [...kinds.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * A disposition import into the simulated Admin API tenant through the real importer and the Admin
 * API adapter (set-disposition, read back), the tenant rate-limited without Retry-After. Printed by
 * `npm run bench`; never asserted.
 */
export async function benchAdminDispositionImport(options: AdminImportBenchOptions): Promise<AdminImportBenchFigures> {
  const contactsPerSkill = 25;
  const tenant = await startAdminApiDemoTenant({
    skillCount: Math.ceil((options.rows * 1.5) / contactsPerSkill),
    contactsPerSkill,
    knobs: { rateLimitPerSecond: options.requestsPerSecond, sendRetryAfter: false, latencyMs: options.latencyMs },
  });
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-admin-import-'));
  const connection = connectTenant({ ...adminApiDemoProfile(tenant), maxRequestsPerSecond: options.requestsPerSecond }, async () => tenant.accessKeySecret);
  try {
    const dialing = new Map(
      [...tenant.state.skills.values()].filter((s) => s.isOutbound && s.outboundStrategy === 'Personal Connection').map((s) => [s.skillId, s] as const),
    );
    const contacts = [...tenant.state.contacts.values()].filter((c) => dialing.has(c.skillId) && !c.active && c.disposition === null).slice(0, options.rows);
    if (contacts.length < options.rows)
      throw new Error(`The Admin API demo tenant has only ${contacts.length} contacts to disposition for ${options.rows} rows.`);
    // Each row names an outcome its own skill has a disposition for, cycling through them (a file of a real floor).
    const outcomeOf = (skillId: number, i: number) => {
      const dispositions = dialing.get(skillId)?.dispositions ?? [];
      return outcomeCodeOfDispositionName(dispositions[i % dispositions.length]?.dispositionName ?? 'Interested');
    };
    const lines = contacts.map((c, i) => `${c.skillId},${c.contactId},${outcomeOf(c.skillId, i)},agent-1,2026-11-20T15:00:00Z,bench ${i}`);
    const path = join(dir, 'bench.csv');
    writeFileSync(path, `campaign_id,contact_id,outcome_code,agent_id,disposition_timestamp,notes\n${lines.join('\n')}\n`);
    const matrix = await readOutcomeMatrix(connection.referenceData);
    const session = new ImportSession('bench', await readBatch(path, { fileName: 'bench.csv', outcomeMatrix: matrix.codes }), matrix);
    const importer = createDispositionImporter({
      dir: join(dir, 'imports'),
      contacts: () => connection.contacts,
      maxConcurrency: () => connection.limiter.snapshot().maxConcurrency,
    });
    const before = tenant.stats();
    const started = await importer.start(session.toSpec());
    if (!started.ok) throw new Error(started.error.message);
    const report = await started.value.done;
    const after = tenant.stats();
    const requests = after.requests - before.requests;
    const rateLimited = after.rateLimited - before.rateLimited;
    const floorMs = ((contacts.length * 3) / options.requestsPerSecond) * 1000;
    return {
      rows: contacts.length,
      applied: report.counts.applied,
      failed: report.counts.failed,
      wallMs: report.wallMs,
      floorMs,
      wallOverFloor: report.wallMs / floorMs,
      requests,
      requestsPerRow: requests / contacts.length,
      rateLimited,
      share429: requests > 0 ? rateLimited / requests : 0,
      rowsPerSecond: report.wallMs > 0 ? (report.counts.applied * 1000) / report.wallMs : 0,
      latencyP50Ms: report.latencyMs.p50,
      latencyP95Ms: report.latencyMs.p95,
      failureKinds: failureKinds(report.problems.map((problem) => `${problem.result}: ${problem.reason}`)),
      heldByTenant: contacts.filter((c) => tenant.state.contacts.get(c.contactId)?.disposition !== null).length,
    };
  } finally {
    connection.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
