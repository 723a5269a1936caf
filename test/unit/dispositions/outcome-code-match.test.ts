import { describe, expect, it } from 'vitest';
import { nearestOutcomeCode, outcomeCodesAlike } from '../../../shared/dispositions/outcome-code-match';
import { dispositionMatchesOutcome } from '../../../electron/tenant/admin-api/assumptions';

describe('outcome code matching', () => {
  it('takes the same words however spaced or ordered as the same code, and nothing looser', () => {
    expect(outcomeCodesAlike('CALLBACK_LATER', 'CALL_BACK_LATER')).toBe(true);
    expect(outcomeCodesAlike('VOICEMAIL_LEFT', 'LEFT_VOICEMAIL')).toBe(true);
    expect(outcomeCodesAlike('INTERESTED', 'NOT_INTERESTED')).toBe(false);
    expect(outcomeCodesAlike('BUSY', 'BUSY_SIGNAL')).toBe(false);
  });

  it('is the rule the Admin API adapter matches dispositions with, so a suggestion is what apply would pick', () => {
    for (const [name, code] of [
      ['Call back later', 'CALLBACK_LATER'],
      ['Left voicemail', 'VOICEMAIL_LEFT'],
      ['Not interested', 'INTERESTED'],
    ] as const) {
      const spelled = name.toUpperCase().replace(/ /g, '_');
      expect(dispositionMatchesOutcome(name, code)).toBe(outcomeCodesAlike(spelled, code));
    }
  });

  it('suggests a same-words code first, else a close spelling, else nothing', () => {
    const known = ['BUSY_SIGNAL', 'CALL_BACK_LATER', 'INTERESTED', 'NOT_INTERESTED'];
    expect(nearestOutcomeCode('CALLBACK_LATER', known)).toBe('CALL_BACK_LATER');
    expect(nearestOutcomeCode('INTRESTED', known)).toBe('INTERESTED');
    expect(nearestOutcomeCode('NOT_INTRESTED', known)).toBe('NOT_INTERESTED');
    expect(nearestOutcomeCode('DO_NOT_CALL', known)).toBeNull();
  });
});
