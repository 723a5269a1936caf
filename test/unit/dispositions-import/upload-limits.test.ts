import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUploadStore } from '../../../electron/dispositions/import/upload-store';

describe('upload limits', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dispo-upload-limits-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses an upload above the size limit, naming the limit and the setting', async () => {
    const uploads = createUploadStore(dir, { maxBytes: () => 2 * 1024 ** 3 });
    await expect(uploads.begin('huge.csv', 1e15)).rejects.toMatchObject({
      error: { kind: 'validation', message: expect.stringMatching(/2\.0 GB.*maxUploadBytes/) },
    });
    expect(readdirSync(dir)).toEqual([]);
    await uploads.discardAll();
  });

  it('2,000 begins hold at most a handful of open files; the rest are refused', async () => {
    const uploads = createUploadStore(dir, { maxBytes: () => 2 * 1024 ** 3 });
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 2000; i += 1) {
      await uploads.begin(`f-${i}.csv`, 1000).then(
        () => (accepted += 1),
        () => (refused += 1),
      );
    }
    expect(accepted).toBe(4);
    expect(refused).toBe(1996);
    expect(readdirSync(dir)).toHaveLength(4);
    await uploads.discardAll();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an abandoned upload is closed and removed after the idle timeout, freeing its place', async () => {
    let now = 0;
    const uploads = createUploadStore(dir, { maxBytes: () => 1e9, idleTimeoutMs: 60_000, now: () => now });
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) ids.push(await uploads.begin(`f-${i}.csv`, 10));
    await uploads.chunk(ids[0]!, 0, Buffer.from('abc').toString('base64'));
    now = 59_000;
    await uploads.chunk(ids[1]!, 0, Buffer.from('abc').toString('base64'));
    now = 61_000;
    expect(await uploads.sweep()).toBe(3);
    expect(readdirSync(dir)).toHaveLength(1);
    await expect(uploads.chunk(ids[0]!, 3, Buffer.from('def').toString('base64'))).rejects.toMatchObject({ error: { kind: 'not_found' } });
    await uploads.chunk(ids[1]!, 3, Buffer.from('def').toString('base64'));
    const fresh = await uploads.begin('again.csv', 10);
    expect(
      existsSync(
        join(
          dir,
          readdirSync(dir).find((name) => name.startsWith(fresh))!,
        ),
      ),
    ).toBe(true);
    await uploads.discardAll();
  });
});
