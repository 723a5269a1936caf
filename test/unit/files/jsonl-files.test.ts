import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../electron/audit/canonical-json';
import { readLinesBackward, repairTornTail } from '../../../electron/files/jsonl-files';
import { linesOf, removeDir, tempDir } from '../audit/audit-fixtures';

describe('reading JSON Lines backwards', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('jsonl');
  });
  afterEach(() => removeDir(dir));

  it('yields every line last to first, whole, even when chunks split lines and multi-byte characters', async () => {
    const lines = Array.from({ length: 40 }, (_, index) => `{"n":${index},"name":"Zoë ☎ ${'x'.repeat(index)}"}`);
    const path = join(dir, 'log.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n\n`);
    const handle = await open(path, 'r');
    const seen: string[] = [];
    for await (const line of readLinesBackward(handle, (await handle.stat()).size, 7)) seen.push(line);
    await handle.close();
    expect(seen).toEqual([...lines].reverse());
  });

  it('cuts an unparseable torn last line and terminates a whole one', async () => {
    const torn = join(dir, 'torn.jsonl');
    writeFileSync(torn, '{"a":1}\n{"a":');
    expect(await repairTornTail(torn)).toBe('truncated');
    expect(linesOf(torn)).toEqual(['{"a":1}']);
    const unterminated = join(dir, 'unterminated.jsonl');
    writeFileSync(unterminated, '{"a":1}\n{"a":2}');
    expect(await repairTornTail(unterminated)).toBe('terminated');
    expect(linesOf(unterminated)).toEqual(['{"a":1}', '{"a":2}']);
    expect(await repairTornTail(unterminated)).toBe('intact');
  });
});

describe('canonical JSON', () => {
  it('serialises equal values identically whatever their key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ b: 1, a: 'x', skipped: undefined })).toBe('{"a":"x","b":1}');
  });
});
