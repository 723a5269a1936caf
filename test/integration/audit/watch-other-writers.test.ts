import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { watchOtherWriters } from '../../../electron/audit/watch-other-writers';

const entry = (action: string) => ({
  actor: { type: 'user' as const, name: 'lead' },
  tenant: 'Demo tenant',
  action,
  target: { type: 'campaign', id: 'cmp-0001' },
  outcome: 'success' as const,
});

describe('audit entries written by another process reach the app live', () => {
  let dir: string;
  let app: AuditLog;
  let cli: AuditLog;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-audit-watch-'));
    app = await createAuditLog({ dir });
    cli = await createAuditLog({ dir });
  });

  afterEach(async () => {
    await app.close();
    await cli.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes on the other writer’s entries once each, oldest first, after what the app already had', async () => {
    await app.append(entry('campaign.pause'));
    const seen: AuditEntry[] = [];
    const watching = watchOtherWriters(app, dir, (e) => seen.push(e), 20);
    try {
      await watching.ready;
      await cli.append(entry('campaign.emergency_pause'));
      await cli.append(entry('campaign.emergency_pause.run'));
      await expect.poll(() => seen.map((e) => e.action), { timeout: 5000 }).toEqual(['campaign.emergency_pause', 'campaign.emergency_pause.run']);
      expect(seen.map((e) => e.seq)).toEqual([2, 3]);
    } finally {
      watching.stop();
    }
  });

  it('passes on every entry of a long burst, more than one page of the log', async () => {
    const seen: AuditEntry[] = [];
    const watching = watchOtherWriters(app, dir, (e) => seen.push(e), 20);
    try {
      await watching.ready;
      for (let index = 0; index < 450; index += 1) await cli.append(entry(`campaign.emergency_pause ${index}`));
      await expect.poll(() => seen.length, { timeout: 10_000 }).toBe(450);
      expect(seen.map((e) => e.seq)).toEqual(Array.from({ length: 450 }, (_, i) => i + 1));
    } finally {
      watching.stop();
    }
  });
});
