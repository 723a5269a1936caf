import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, verifyAuditChain, type AuditLog } from '../../../electron/audit/audit-log';
import { listLogFiles } from '../../../electron/audit/audit-files';
import { auditLockName } from '../../../electron/audit/audit-lock';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { allEntries, pauseOf, removeDir, tempDir } from './audit-fixtures';

const rotateEvery = 4 * 1024;

describe('audit log written by several processes at once', () => {
  let dir: string;
  let logs: AuditLog[];

  beforeEach(() => {
    dir = tempDir('audit-shared');
    logs = [];
  });

  afterEach(async () => {
    for (const log of logs) await log.close();
    removeDir(dir);
  });

  const open = async () => {
    const log = await createAuditLog({ dir, maxFileBytes: rotateEvery });
    logs.push(log);
    return log;
  };

  it('two writers taking turns continue one chain: each seals after the entry the other wrote', async () => {
    const app = await open();
    const cli = await open();
    const written: AuditEntry[] = [];
    for (let index = 0; index < 30; index += 1) {
      written.push(await app.append(pauseOf(`app-${index}`)));
      written.push(await cli.append(pauseOf(`cli-${index}`, { actor: { type: 'user', name: 'cli' } })));
    }
    expect(written.map((entry) => entry.seq)).toEqual(Array.from({ length: 60 }, (_, index) => index + 1));
    for (let index = 1; index < written.length; index += 1) expect(written[index]?.prevHash).toBe(written[index - 1]?.hash);
    expect((await listLogFiles(dir)).length).toBeGreaterThan(1);
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 60 });
  });

  it('two writers appending bursts concurrently, across rotations, leave an intact chain with every entry once', async () => {
    const app = await open();
    const cli = await open();
    await Promise.all(Array.from({ length: 200 }, (_, index) => (index % 2 === 0 ? app : cli).append(pauseOf(`c-${index}`))));
    const entries = await allEntries(dir);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 200 }, (_, index) => index + 1));
    expect(new Set(entries.map((entry) => entry.target.id)).size).toBe(200);
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 200 });
  });

  it('takes over a lock left behind by a crashed process', async () => {
    const app = await open();
    const lockDir = join(dir, auditLockName);
    mkdirSync(lockDir);
    const longAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(lockDir, longAgo, longAgo);
    expect((await app.append(pauseOf('c-1'))).seq).toBe(1);
    await app.close();
    expect(existsSync(lockDir)).toBe(false);
    expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: 1 });
  });

  describe('with a child process', () => {
    let workDir: string;
    let childScript: string;

    beforeAll(async () => {
      workDir = tempDir('audit-child');
      childScript = join(workDir, 'audit-append-child.cjs');
      // Bundled (dependencies included) so plain Node runs the TypeScript writer in its own process.
      await build({
        entryPoints: [join(import.meta.dirname, 'audit-append-child.ts')],
        outfile: childScript,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        logLevel: 'silent',
      });
    });

    afterAll(() => removeDir(workDir));

    it('the app, a second instance and another process append at the same time; verify stays intact', async () => {
      const childCount = 150;
      const child = spawn(process.execPath, [childScript, dir, String(childCount), String(rotateEvery)], { stdio: ['pipe', 'pipe', 'pipe'] });
      let childErrors = '';
      child.stderr.on('data', (chunk: Buffer) => {
        childErrors += chunk.toString();
      });
      const exited = once(child, 'exit');
      const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
      expect((await lines.next()).value).toBe('ready');

      const app = await open();
      const other = await open();
      child.stdin.end('go\n');
      // Keep appending until the child is done, so the two processes overlap for its whole run.
      let childDone = false;
      void exited.then(() => {
        childDone = true;
      });
      let parentCount = 0;
      while (!childDone && parentCount < 2000) {
        await Promise.all([app.append(pauseOf(`app-${parentCount}`)), other.append(pauseOf(`other-${parentCount}`))]);
        parentCount += 2;
      }
      const [exitCode] = await exited;
      expect(childErrors).toBe('');
      expect(exitCode).toBe(0);

      // However many the parent managed (it depends on the machine's speed), rotation deletes nothing:
      // every entry of the three writers is in the chain exactly once, in one unbroken sequence from 1.
      const entries = await allEntries(dir);
      const total = childCount + parentCount;
      expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: total }, (_, index) => index + 1));
      const written = [
        ...Array.from({ length: childCount }, (_, index) => `child-${index}`),
        ...Array.from({ length: parentCount / 2 }, (_, index) => [`app-${index * 2}`, `other-${index * 2}`]).flat(),
      ];
      expect(entries.map((entry) => entry.target.id).sort()).toEqual(written.sort());
      expect((await listLogFiles(dir)).length).toBeGreaterThan(2);
      expect(await verifyAuditChain(dir)).toEqual({ ok: true, entries: total });
    });
  });
});
