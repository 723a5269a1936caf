import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { outcomeCodeSchema } from '../../../shared/cxone/schemas';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { OutcomeDispositionMapping, TenantDisposition } from '../../../shared/tenant/outcome-disposition-mapping';
import type { TenantProfileSummary } from '../../../shared/tenant-profile';
import { createJsonFileStore } from '../../settings/json-file-store';
import { savedAdminApiSettings } from '../../tenant-session/saved-admin-api-settings';

type Environment = Readonly<Record<string, string | undefined>>;

/** The variable naming a JSON file `{"OUTCOME_CODE": "Disposition name or id"}` that replaces the app's saved mapping. */
export const outcomeMappingVariable = 'CXONE_OUTCOME_DISPOSITIONS';

/** Where an Admin API tenant's outcome → disposition mapping is kept, for the refusal of an unknown code. */
export const outcomeMappingPlaces = `Settings ("Outcome codes → dispositions") or ${outcomeMappingVariable}`;

/** Where the mapping in force came from: the environment's file, the app's saved profile (or its Admin API demo), or nowhere. */
export type OutcomeMappingSource =
  | { kind: 'environment'; variable: typeof outcomeMappingVariable; path: string }
  | { kind: 'saved'; profileId: string; profileLabel: string; settingsFile: string }
  | { kind: 'none'; reason: string };

/** The mapping as written where it came from: the saved one names dispositions by id, the environment's by name or id. */
export interface WrittenOutcomeMapping {
  entries: Readonly<Record<string, string>>;
  source: OutcomeMappingSource;
}

const settingsFileOf = (dataDir: string) => join(dataDir, 'settings.json');

function configurationError(message: string): ConsoleFailure {
  return new ConsoleFailure(consoleError('configuration', message, { target: outcomeMappingVariable }));
}

const fileSchema = z.record(z.string(), z.string().trim().min(1, 'must name a disposition (its name or id)'));

/** CXONE_OUTCOME_DISPOSITIONS's file, checked: a JSON object of outcome code → disposition; a refusal names the variable and the bad key. */
function readEnvironmentFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (thrown) {
    throw configurationError(`${outcomeMappingVariable} names ${path}, which cannot be read (${(thrown as Error).message}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (thrown) {
    throw configurationError(
      `${outcomeMappingVariable} names ${path}, which is not JSON (${(thrown as Error).message}); expected {"OUTCOME_CODE": "Disposition name"}.`,
    );
  }
  const checked = fileSchema.safeParse(parsed);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const key = issue?.path[0];
    throw configurationError(
      key === undefined
        ? `${outcomeMappingVariable} (${path}) must be a JSON object {"OUTCOME_CODE": "Disposition name"}.`
        : `${outcomeMappingVariable} (${path}): the value of "${String(key)}" ${issue?.message ?? 'is invalid'}.`,
    );
  }
  for (const key of Object.keys(checked.data)) {
    const code = outcomeCodeSchema.safeParse(key);
    if (!code.success)
      throw configurationError(`${outcomeMappingVariable} (${path}): key "${key}" is no outcome code; it ${code.error.issues[0]?.message ?? 'is invalid'}.`);
  }
  return checked.data;
}

/**
 * The mapping the command uses for this tenant, as the app would: CXONE_OUTCOME_DISPOSITIONS when
 * set (it replaces the saved one), else what the app saved in the data folder for the profile with
 * the same issuer and access key (or for its Admin API demo), else none (codes matched by name).
 */
export function writtenOutcomeMapping(
  env: Environment,
  tenant: Pick<TenantProfileSummary, 'adapter' | 'apiBaseUrl' | 'clientId'> | null,
): WrittenOutcomeMapping {
  const path = env[outcomeMappingVariable]?.trim() ?? '';
  if (tenant && tenant.adapter !== 'cxone-admin') {
    if (path)
      throw configurationError(
        `${outcomeMappingVariable} is for a CXone Admin API tenant (CXONE_KIND=admin-api); a contract tenant's wrap-up codes carry the outcome codes.`,
      );
    return { entries: {}, source: { kind: 'none', reason: "a contract tenant's wrap-up codes carry the outcome codes themselves" } };
  }
  if (path) return { entries: readEnvironmentFile(path), source: { kind: 'environment', variable: outcomeMappingVariable, path } };
  const dataDir = env.CXONE_DATA_DIR?.trim() ?? '';
  if (!tenant || !dataDir) {
    return { entries: {}, source: { kind: 'none', reason: tenant ? 'CXONE_DATA_DIR is not set, so no saved mapping is read' : 'no tenant is named' } };
  }
  const settingsFile = settingsFileOf(dataDir);
  const saved = savedAdminApiSettings(createJsonFileStore(settingsFile), { issuer: tenant.apiBaseUrl, accessKeyId: tenant.clientId });
  const entries = saved?.settings.outcomeDispositions;
  if (!saved || !entries || Object.keys(entries).length === 0) {
    const reason = saved
      ? `the app's profile "${saved.owner.label}" has no mapping saved`
      : `the app's data folder has no profile for this issuer and access key`;
    return { entries: {}, source: { kind: 'none', reason } };
  }
  return { entries, source: { kind: 'saved', profileId: saved.owner.id, profileLabel: saved.owner.label, settingsFile } };
}

/** One sentence saying where the mapping came from, for human output. */
export function describeOutcomeMappingSource(source: OutcomeMappingSource): string {
  switch (source.kind) {
    case 'environment':
      return `${source.variable} (${source.path})`;
    case 'saved':
      return `the app's saved mapping of "${source.profileLabel}" (${source.settingsFile})`;
    case 'none':
      return `none — outcome codes are matched to dispositions by name (${source.reason})`;
  }
}

/**
 * The written mapping with each disposition as the tenant's id. The environment's file may name a
 * disposition by name (any case) or id; one the tenant lacks is refused naming the variable and the
 * code. The saved mapping keeps its ids as the app does: one the tenant lacks is named when used.
 */
export function resolveOutcomeMapping(written: WrittenOutcomeMapping, dispositions: readonly TenantDisposition[]): OutcomeDispositionMapping {
  if (written.source.kind !== 'environment') return { ...written.entries };
  const resolved: OutcomeDispositionMapping = {};
  for (const [code, wanted] of Object.entries(written.entries)) {
    const byId = dispositions.find((disposition) => disposition.id === wanted);
    const byName = dispositions.filter((disposition) => disposition.name.trim().toLowerCase() === wanted.toLowerCase());
    const found = byId ?? (byName.length === 1 ? byName[0] : undefined);
    if (!found) {
      const why =
        byName.length > 1
          ? `names ${byName.length} dispositions of the tenant (ids ${byName.map((d) => d.id).join(', ')}); use the id`
          : 'is no disposition of the tenant';
      throw configurationError(
        `${outcomeMappingVariable} (${written.source.path}): "${code}" → "${wanted}" ${why}; its dispositions are ${dispositions.map((d) => d.name).join(', ') || 'none'}.`,
      );
    }
    resolved[code] = found.id;
  }
  return resolved;
}
