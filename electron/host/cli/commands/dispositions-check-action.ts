import { readKnownOutcomeMatrix } from '../../../dispositions/import/known-outcome-matrix';
import { runCliCheck } from '../../../dispositions/reading/check-disposition-file';
import type { CliContext } from '../cli-context';
import { describeOutcomeMappingSource, outcomeMappingPlaces, writtenOutcomeMapping, type WrittenOutcomeMapping } from '../outcome-mapping';
import { tenantFromEnvironment } from '../tenant-environment';

/** The tenant the environment names, if it names one completely; the offline check needs none. */
function environmentTenant(context: CliContext) {
  try {
    return tenantFromEnvironment(context.io.env).profile;
  } catch {
    return null;
  }
}

/** The check's view of the mapping: its codes are outcomes too, and the environment's file names dispositions by name. */
function checkMapping(written: WrittenOutcomeMapping) {
  const codes = Object.keys(written.entries).sort();
  const names = written.source.kind === 'environment' ? { ...written.entries } : {};
  return { codes, names, outcomeMapping: { source: written.source, description: describeOutcomeMappingSource(written.source), codes } };
}

/** `dispositions check <file.csv> [--json]`: exit 0, 1 or 2 as runCliCheck says. */
export async function runDispositionsCheck(file: string, flags: { json?: boolean }, context: CliContext): Promise<0 | 1 | 2> {
  const dataDir = context.io.env.CXONE_DATA_DIR?.trim() || null;
  const known = await readKnownOutcomeMatrix(dataDir);
  const tenant = environmentTenant(context);
  const written = writtenOutcomeMapping(context.io.env, tenant);
  const admin = tenant?.adapter === 'cxone-admin' || written.source.kind === 'environment';
  const mapping = admin ? checkMapping(written) : null;
  return runCliCheck(
    file,
    { json: flags.json === true },
    {
      outcomeMatrix: mapping ? { ...known, codes: [...new Set([...known.codes, ...mapping.codes])].sort() } : known,
      outcomeHelp: { names: { ...known.names, ...mapping?.names }, ...(mapping ? { mapIn: outcomeMappingPlaces } : {}) },
      ...(mapping ? { outcomeMapping: mapping.outcomeMapping } : {}),
      stdout: context.io.stdout,
      stderr: context.io.stderr,
    },
  );
}
