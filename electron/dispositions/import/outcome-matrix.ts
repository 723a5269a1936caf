import { defaultOutcomeMatrix } from '../../../shared/cxone/schemas';
import type { ReferenceDataPort } from '../../tenant/ports';

/** The tenant's outcome codes from its wrap-up codes; the contract's default matrix when it has none or cannot say. */
export async function readOutcomeMatrix(
  referenceData: ReferenceDataPort | null,
  signal?: AbortSignal,
): Promise<{ codes: string[]; source: 'tenant' | 'default' }> {
  if (referenceData) {
    try {
      const codes = new Set<string>(referenceData.outcomeCodes ? await referenceData.outcomeCodes(signal) : []);
      if (!referenceData.outcomeCodes) for await (const code of referenceData.wrapUpCodes(signal)) codes.add(code.outcomeCode);
      if (codes.size > 0) return { codes: [...codes].sort(), source: 'tenant' };
    } catch {
      // fall back to the default matrix; the screen says which one it used
    }
  }
  return { codes: [...defaultOutcomeMatrix], source: 'default' };
}
