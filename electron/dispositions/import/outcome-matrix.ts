import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';
import type { OutcomeHelp } from '../../../shared/dispositions/validate-disposition-row';
import type { ReferenceDataPort } from '../../tenant/ports';

export interface OutcomeMatrix {
  codes: string[];
  source: 'tenant' | 'default';
  /** The tenant's name of each code and where a code is mapped, for the refusal of an unknown one. */
  help?: OutcomeHelp;
}

/**
 * The tenant's outcome codes from its wrap-up codes; the contract's default matrix when it has none or cannot say.
 * `mapIn` names where this tenant maps an outcome to a disposition (Admin API tenants), for the refusal of an unknown code.
 */
export async function readOutcomeMatrix(
  referenceData: ReferenceDataPort | null,
  signal?: AbortSignal,
  options: { mapIn?: string } = {},
): Promise<OutcomeMatrix> {
  const mapIn = options.mapIn ? { mapIn: options.mapIn } : {};
  if (referenceData) {
    try {
      const names: Record<string, string> = {};
      const codes = new Set<string>();
      for await (const code of referenceData.wrapUpCodes(signal)) {
        names[code.outcomeCode] ??= code.name;
        codes.add(code.outcomeCode);
      }
      // A tenant that says its outcome codes itself (the Admin API: mapped codes too) is taken at its word.
      const known = referenceData.outcomeCodes ? new Set(await referenceData.outcomeCodes(signal)) : codes;
      if (known.size > 0) return { codes: [...known].sort(), source: 'tenant', help: { names, ...mapIn } };
    } catch {
      // fall back to the default matrix; the screen says which one it used
    }
  }
  return { codes: [...defaultOutcomeMatrix], source: 'default', help: { ...mapIn } };
}
