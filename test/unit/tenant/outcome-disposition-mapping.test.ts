import { describe, expect, it } from 'vitest';
import { mappingProblems, outcomeDispositionMappingSchema } from '../../../shared/tenant/outcome-disposition-mapping';

const dispositions = [
  { id: '101', name: 'Interested' },
  { id: '105', name: 'Left voicemail' },
];

describe('outcome → disposition mapping', () => {
  it('names each code mapped to a disposition the tenant does not have, and only those', () => {
    expect(mappingProblems({ INTERESTED: '101', VOICEMAIL: '999', NO_ANSWER: '42' }, dispositions)).toEqual([
      { outcomeCode: 'VOICEMAIL', message: 'Outcome VOICEMAIL is mapped to disposition 999, which this tenant does not have; choose one of its dispositions.' },
      { outcomeCode: 'NO_ANSWER', message: 'Outcome NO_ANSWER is mapped to disposition 42, which this tenant does not have; choose one of its dispositions.' },
    ]);
    expect(mappingProblems({ VOICEMAIL: '105' }, dispositions)).toEqual([]);
  });

  it('takes only outcome codes of the contract and a chosen disposition', () => {
    expect(outcomeDispositionMappingSchema.safeParse({ VOICEMAIL: '105' }).success).toBe(true);
    const bad = outcomeDispositionMappingSchema.safeParse({ 'left vm': '105', NO_ANSWER: ' ' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((issue) => issue.path.join('.'))).toEqual(expect.arrayContaining(['left vm', 'NO_ANSWER']));
  });
});
