import { outcomeCodePattern } from '../../shared/cxone/schemas';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import { mappingProblems, type OutcomeDispositionMapping, type OutcomeDispositionView } from '../../shared/tenant/outcome-disposition-mapping';
import type { WrapUpCode } from '../../shared/cxone/schemas';
import type { TenantSession } from './tenant-session';

type Session = Pick<TenantSession, 'connection' | 'profile' | 'updateAdminApiSettings'>;

/** The connected Admin API profile, or a refusal that says the mapping belongs to that kind only. */
function adminProfileOf(session: Session) {
  const profile = session.profile();
  if (!profile || profile.adapter !== 'cxone-admin') {
    throw new ConsoleFailure(
      consoleError('not_available', 'An outcome → disposition mapping is not available on this tenant: its wrap-up codes carry the outcome codes themselves.', {
        target: 'outcomeDispositions',
      }),
    );
  }
  return profile;
}

/** On the Admin API the wrap-up codes are the tenant's dispositions, each with the outcome code its name spells. */
async function tenantDispositions(session: Session): Promise<WrapUpCode[]> {
  const dispositions: WrapUpCode[] = [];
  for await (const code of session.connection().referenceData.wrapUpCodes()) dispositions.push(code);
  return dispositions;
}

/** Name matching, as a mapping: each disposition under the outcome code its name spells (the first one wins a shared code). */
function proposedMapping(dispositions: readonly WrapUpCode[]): OutcomeDispositionMapping {
  const proposed: OutcomeDispositionMapping = {};
  for (const code of dispositions) {
    if (outcomeCodePattern.test(code.outcomeCode) && proposed[code.outcomeCode] === undefined) proposed[code.outcomeCode] = code.id;
  }
  return proposed;
}

/** Settings' view of the mapping: the tenant's dispositions, what is saved, the proposal and what the saved one lacks. */
export async function outcomeDispositionView(session: Session): Promise<OutcomeDispositionView> {
  const profile = adminProfileOf(session);
  const dispositions = await tenantDispositions(session);
  const saved = profile.adminApi?.outcomeDispositions ?? null;
  return {
    profileId: profile.id,
    dispositions: dispositions.map(({ id, name }) => ({ id, name })),
    saved,
    proposed: proposedMapping(dispositions),
    problems: saved ? mappingProblems(saved, dispositions).map((problem) => problem.message) : [],
  };
}

/**
 * Saves the mapping (null: back to matching by name) once every code in it names a disposition
 * the tenant has; otherwise refuses, naming each such code, and saves nothing.
 */
export async function saveOutcomeDispositions(session: Session, mapping: OutcomeDispositionMapping | null): Promise<OutcomeDispositionView> {
  adminProfileOf(session);
  if (mapping) {
    const problems = mappingProblems(mapping, await tenantDispositions(session));
    if (problems.length > 0) {
      throw new ConsoleFailure(
        consoleError('validation', problems.map((problem) => problem.message).join(' '), {
          target: 'outcomeDispositions',
          details: problems.map((problem) => ({ message: problem.message, path: problem.outcomeCode })),
        }),
      );
    }
  }
  await session.updateAdminApiSettings({ outcomeDispositions: mapping ?? undefined });
  return outcomeDispositionView(session);
}
