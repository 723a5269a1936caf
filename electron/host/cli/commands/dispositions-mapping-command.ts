import { outcomeCodePattern } from '../../../../shared/cxone/schemas';
import { ConsoleFailure, consoleError } from '../../../../shared/errors';
import { mappingProblems } from '../../../../shared/tenant/outcome-disposition-mapping';
import { exitCodes, type CliContext } from '../cli-context';
import { writeJson, writeLines } from '../io';
import { describeOutcomeMappingSource, type OutcomeMappingSource } from '../outcome-mapping';
import { formatTable, type Column } from '../table';
import { connectDispositionTenant, listDispositions } from './disposition-tenant';

/** One outcome code and the disposition it is set as: by the mapping, or by the disposition's name. */
export interface MappingEntry {
  outcomeCode: string;
  dispositionId: string;
  /** Null when the mapping names a disposition the tenant does not have. */
  dispositionName: string | null;
  via: 'mapping' | 'name';
}

/** What `dispositions mapping --json` prints. */
export interface MappingDocument {
  tenant: string;
  source: OutcomeMappingSource;
  entries: MappingEntry[];
  /** Mapped codes whose disposition the tenant does not have, one sentence each. */
  problems: string[];
}

const columns: readonly Column<MappingEntry>[] = [
  { title: 'OUTCOME', value: (e) => e.outcomeCode },
  { title: 'DISPOSITION', value: (e) => e.dispositionName ?? '(missing)' },
  { title: 'ID', value: (e) => e.dispositionId },
  { title: 'VIA', value: (e) => (e.via === 'mapping' ? 'mapping' : 'name match') },
];

/**
 * `cxone-console dispositions mapping`: the outcome → disposition mapping an import on this Admin API
 * tenant uses — the mapped codes, then each remaining disposition under the code its name spells — and its source.
 */
export async function runDispositionsMapping(context: CliContext, flags: { json?: boolean }): Promise<number> {
  const tenant = await connectDispositionTenant(context);
  const { connection } = tenant;
  try {
    if (connection.profile.adapter !== 'cxone-admin') {
      throw new ConsoleFailure(
        consoleError(
          'not_available',
          'An outcome → disposition mapping is for a CXone Admin API tenant (CXONE_KIND=admin-api): a contract tenant’s wrap-up codes carry the outcome codes themselves.',
          { target: 'CXONE_KIND' },
        ),
      );
    }
    const dispositions = tenant.dispositions ?? (await listDispositions(connection));
    const nameOf = new Map(dispositions.map((d) => [d.id, d.name]));
    const mapped: MappingEntry[] = Object.entries(tenant.mapping)
      .map(([outcomeCode, dispositionId]): MappingEntry => ({ outcomeCode, dispositionId, dispositionName: nameOf.get(dispositionId) ?? null, via: 'mapping' }))
      .sort((a, b) => a.outcomeCode.localeCompare(b.outcomeCode));
    const byName: MappingEntry[] = [];
    for (const code of dispositions) {
      const spelled = code.outcomeCode;
      if (!outcomeCodePattern.test(spelled) || tenant.mapping[spelled] !== undefined || byName.some((e) => e.outcomeCode === spelled)) continue;
      byName.push({ outcomeCode: spelled, dispositionId: code.id, dispositionName: code.name, via: 'name' });
    }
    const document: MappingDocument = {
      tenant: connection.profile.label,
      source: tenant.written.source,
      entries: [...mapped, ...byName.sort((a, b) => a.outcomeCode.localeCompare(b.outcomeCode))],
      problems: mappingProblems(tenant.mapping, dispositions).map((problem) => problem.message),
    };
    if (flags.json) writeJson(context.io, document);
    else
      writeLines(context.io, [
        `Outcome mapping of ${document.tenant}: ${describeOutcomeMappingSource(document.source)}.`,
        ...formatTable(document.entries, columns),
        ...document.problems,
      ]);
    return document.problems.length > 0 ? exitCodes.someFailed : exitCodes.success;
  } finally {
    connection.close();
  }
}
