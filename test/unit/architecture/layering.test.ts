import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering rule', () => {
  it('rejects Node imports in shared/', async () => {
    const errors = await importErrors('shared/example.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n");
    expect(errors).toEqual([expect.stringContaining('shared/ is pure TypeScript: no Node imports.')]);
  });

  it('rejects renderer imports of electron/ and of the network client', async () => {
    const errors = await importErrors(
      'renderer/features/example.ts',
      "import { startDemoTenant } from '../../electron/demo-tenant/index';\nimport ky from 'ky';\nexport const x = [startDemoTenant, ky];\n",
    );
    expect(errors.some((e) => e.includes("'ky'"))).toBe(true);
    expect(errors.some((e) => e.includes('electron/demo-tenant/index'))).toBe(true);
  });

  it('rejects Electron imports in main-process services', async () => {
    const errors = await importErrors('electron/campaigns/service.ts', "import { app } from 'electron';\nexport const x = app;\n");
    expect(errors).toHaveLength(1);
  });

  it('lets shared/base import only other shared/base files', async () => {
    const errors = await importErrors(
      'shared/base/example.ts',
      "import { describeError } from '../errors';\nimport { delay } from './delay';\nexport const x = [describeError, delay];\n",
    );
    expect(errors).toEqual([expect.stringContaining('shared/base imports nothing but other shared/base files.')]);
  });

  it('accepts shared/ imports from both sides', async () => {
    expect(await importErrors('renderer/example.ts', "import { describeError } from '../shared/errors';\nexport const x = describeError;\n")).toEqual([]);
    expect(await importErrors('electron/example.ts', "import { describeError } from '../shared/errors';\nexport const x = describeError;\n")).toEqual([]);
  });
});
