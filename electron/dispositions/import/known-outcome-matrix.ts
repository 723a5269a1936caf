import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';

const knownMatrixSchema = z.object({
  tenant: z.string(),
  codes: z.array(z.string()).min(1),
  names: z.record(z.string(), z.string()).optional(),
  savedAt: z.string(),
});

export interface KnownOutcomeMatrix {
  codes: string[];
  /** The tenant the codes were read from; null for the contract's default matrix. */
  tenant: string | null;
  /** The tenant's name of each code (its wrap-up code or disposition), when it was read. */
  names?: Record<string, string>;
}

const fileOf = (dataDir: string) => join(dataDir, 'dispositions', 'outcome-matrix.json');

/** Kept after each import that read the tenant's wrap-up codes, so `dispositions check` works offline with them. */
export async function saveKnownOutcomeMatrix(
  dataDir: string,
  tenant: string,
  codes: readonly string[],
  names?: Readonly<Record<string, string>>,
): Promise<void> {
  const path = fileOf(dataDir);
  await mkdir(join(dataDir, 'dispositions'), { recursive: true });
  await writeFile(`${path}.tmp`, JSON.stringify({ tenant, codes, ...(names ? { names } : {}), savedAt: new Date().toISOString() }), 'utf8');
  await rename(`${path}.tmp`, path);
}

/** The last tenant's outcome codes the data folder knows, else the default matrix. */
export async function readKnownOutcomeMatrix(dataDir: string | null): Promise<KnownOutcomeMatrix> {
  if (dataDir) {
    try {
      const parsed = knownMatrixSchema.safeParse(JSON.parse(await readFile(fileOf(dataDir), 'utf8')));
      if (parsed.success) return { codes: parsed.data.codes, tenant: parsed.data.tenant, ...(parsed.data.names ? { names: parsed.data.names } : {}) };
    } catch {
      // no file yet, or unreadable: the default matrix, and the output says so
    }
  }
  return { codes: [...defaultOutcomeMatrix], tenant: null };
}
