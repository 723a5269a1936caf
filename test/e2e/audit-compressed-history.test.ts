import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from '../../electron/audit/audit-log';
import { pauseOf } from '../unit/audit/audit-fixtures';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

describe('the Audit log screen over rotated, compressed files', () => {
  let console_: ConsoleInBrowser;
  let dataDir: string;
  let archives: string[];

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-e2e-audit-gz-'));
    // Written as the command line would with CXONE_AUDIT_MAX_FILE_BYTES=4096: many small compressed files.
    const log = await createAuditLog({ dir: join(dataDir, 'audit'), maxFileBytes: 4096 });
    for (let index = 0; index < 240; index += 1) await log.append(pauseOf(`cmp-old-${index}`, { reason: `old entry ${index}` }));
    await log.close();
    archives = readdirSync(join(dataDir, 'audit')).filter((name) => name.endsWith('.jsonl.gz'));
    console_ = await openConsole({ dataDir });
  });
  afterAll(async () => {
    await console_?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('pages back to the first entry, which only a compressed file holds, and verifies the whole chain', async () => {
    expect(archives.length).toBeGreaterThan(10);
    const { page } = console_;
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('button', { name: /^Audit log/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const summary = page.getByText(/entries shown/);
    await summary.filter({ hasText: '200 entries shown (older ones not loaded)' }).waitFor();
    await page.getByRole('button', { name: 'Load older entries' }).click();
    await page.getByText('Start of the log: no older entries match.').waitFor();
    // Every entry, the oldest ones out of compressed files included (the table renders only the rows in view).
    const shown = await summary.filter({ hasText: 'newest first' }).textContent();
    expect(Number(/(\d+) entries shown/.exec(shown ?? '')?.[1])).toBe((await console_.host.services.audit.query({ limit: 10_000 })).length);
    expect((await console_.host.services.audit.query({ limit: 10_000 })).at(-1)).toMatchObject({ seq: 1, reason: 'old entry 0' });

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('Chain intact: 240 entries').waitFor();
    await console_.screenshot('audit-7-compressed-history');
  });
});
