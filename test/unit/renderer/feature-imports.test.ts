import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('feature import rule', () => {
  it("rejects a feature importing another feature's store", async () => {
    const errors = await importErrors(
      'renderer/features/audit/Example.tsx',
      "import { useCampaignsStore } from '../campaigns/campaigns-store';\nexport const x = useCampaignsStore;\n",
    );
    expect(errors).toEqual([expect.stringContaining("never imports another feature's store")]);
  });

  it('accepts its own store, navigation and the app composing every store', async () => {
    const own =
      "import { useAuditStore } from './audit-store';\nimport { useNavigation } from '../../app/navigation';\nexport const x = [useAuditStore, useNavigation];\n";
    expect(await importErrors('renderer/features/audit/Example.tsx', own)).toEqual([]);
    const app = "import { createAuditStore } from '../features/audit/audit-store';\nexport const x = createAuditStore;\n";
    expect(await importErrors('renderer/app/example.ts', app)).toEqual([]);
  });
});
