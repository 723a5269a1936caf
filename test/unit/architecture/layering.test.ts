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

  it('rejects production imports of scripts/ and test/', async () => {
    const fromElectron = await importErrors(
      'electron/campaigns/example.ts',
      "import { benchParse } from '../../scripts/bench/parse';\nexport const x = benchParse;\n",
    );
    expect(fromElectron).toEqual([expect.stringContaining('never imports scripts/ or test/')]);
    const fromShared = await importErrors('shared/example.ts', "import { fixture } from '../test/support/fixture';\nexport const x = fixture;\n");
    expect(fromShared).toEqual([expect.stringContaining('never imports scripts/ or test/')]);
    const fromRenderer = await importErrors('renderer/example.ts', "import { fixture } from '../test/support/fixture';\nexport const x = fixture;\n");
    expect(fromRenderer).toEqual([expect.stringContaining('never imports scripts/ or test/')]);
  });

  it('keeps the demo tenant out of the services', async () => {
    const source = "import { startDemoTenant } from '../demo-tenant/index';\nexport const x = startDemoTenant;\n";
    for (const service of ['electron/tenant/example.ts', 'electron/campaigns/example.ts', 'electron/outbox/example.ts']) {
      expect(await importErrors(service, source)).toEqual([expect.stringContaining('only electron/app/, electron/host/')]);
    }
    expect(
      await importErrors(
        'electron/dispositions/import/example.ts',
        "import { startDemoTenant } from '../../demo-tenant/index';\nexport const x = startDemoTenant;\n",
      ),
    ).toEqual([expect.stringContaining('only electron/app/, electron/host/')]);
  });

  it('keeps the Admin API demo tenant out of the services too, and lets it build on the contract demo', async () => {
    const admin = "import { startAdminApiDemoTenant } from '../demo-tenant-admin/index';\nexport const x = startAdminApiDemoTenant;\n";
    expect(await importErrors('electron/tenant/example.ts', admin)).toEqual([expect.stringContaining('only electron/app/, electron/host/')]);
    expect(await importErrors('electron/host/example.ts', admin)).toEqual([]);
    const seed = "import { seedTenantState } from '../demo-tenant/seed-data';\nexport const x = seedTenantState;\n";
    expect(await importErrors('electron/demo-tenant-admin/example.ts', seed)).toEqual([]);
  });

  it('lets the composition, the tenant session and the benches start the demo tenant', async () => {
    const source = "import { startDemoTenant } from '../demo-tenant/index';\nexport const x = startDemoTenant;\n";
    expect(await importErrors('electron/app/example.ts', source)).toEqual([]);
    expect(await importErrors('electron/host/example.ts', source)).toEqual([]);
    expect(await importErrors('electron/tenant-session/example.ts', source)).toEqual([]);
    expect(
      await importErrors(
        'scripts/bench/example.ts',
        "import { startDemoTenant } from '../../electron/demo-tenant/index';\nexport const x = startDemoTenant;\n",
      ),
    ).toEqual([]);
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
