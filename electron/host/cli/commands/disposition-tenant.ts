import type { TenantDisposition, OutcomeDispositionMapping } from '../../../../shared/tenant/outcome-disposition-mapping';
import type { TenantProfile } from '../../../../shared/tenant-profile';
import { connectTenant } from '../../../tenant/connect';
import type { TenantConnection } from '../../../tenant/ports';
import type { CliContext } from '../cli-context';
import { resolveOutcomeMapping, writtenOutcomeMapping, type WrittenOutcomeMapping } from '../outcome-mapping';
import { tenantFromEnvironment } from '../tenant-environment';

export interface DispositionTenant {
  connection: TenantConnection;
  /** The outcome → disposition mapping the connection uses (disposition ids), and as written where it came from. */
  mapping: OutcomeDispositionMapping;
  written: WrittenOutcomeMapping;
  /** The tenant's dispositions when they were read to resolve the mapping; null otherwise. */
  dispositions: ListedDisposition[] | null;
}

/** A disposition of the tenant with the outcome code its name spells. */
export type ListedDisposition = TenantDisposition & { outcomeCode: string };

export async function listDispositions(connection: TenantConnection): Promise<ListedDisposition[]> {
  const found: ListedDisposition[] = [];
  for await (const code of connection.referenceData.wrapUpCodes()) found.push({ id: code.id, name: code.name, outcomeCode: code.outcomeCode });
  return found;
}

/**
 * The environment's tenant with the outcome mapping the app uses for it (or CXONE_OUTCOME_DISPOSITIONS'),
 * and this run's limits: `--max-rps`/`--concurrency` over the profile's defaults. A mapping written
 * by disposition name is resolved against the tenant's dispositions before anything is sent.
 */
export async function connectDispositionTenant(
  context: CliContext,
  limits: { maxRequestsPerSecond?: number; maxConcurrency?: number } = {},
): Promise<DispositionTenant> {
  const tenant = tenantFromEnvironment(context.io.env);
  const written = writtenOutcomeMapping(context.io.env, tenant.profile);
  const profile: TenantProfile = {
    ...tenant.profile,
    ...(limits.maxRequestsPerSecond !== undefined ? { maxRequestsPerSecond: limits.maxRequestsPerSecond } : {}),
    ...(limits.maxConcurrency !== undefined ? { maxConcurrency: limits.maxConcurrency } : {}),
  };
  let mapping: OutcomeDispositionMapping = { ...written.entries };
  const connection = connectTenant(profile, tenant.secret, {
    ...tenant.options,
    // Read at each use, as the app's connection reads Settings: the mapping below once resolved.
    adminApiSettings: () => ({ ...profile.adminApi, outcomeDispositions: mapping }),
  });
  if (written.source.kind !== 'environment') return { connection, mapping, written, dispositions: null };
  try {
    const dispositions = await listDispositions(connection);
    mapping = resolveOutcomeMapping(written, dispositions);
    return { connection, mapping, written, dispositions };
  } catch (thrown) {
    connection.close();
    throw thrown;
  }
}
