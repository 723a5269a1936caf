import { describe, expect, it } from 'vitest';
import {
  campaignStatusOfSkill,
  dispositionMatchesOutcome,
  dncPhoneNumberOf,
  outcomeCodeOfDispositionName,
} from '../../../electron/tenant/admin-api/assumptions';
import { describeAdminHttpFailure } from '../../../electron/tenant/admin-api/failures';

describe('Admin API assumptions', () => {
  it('reads a skill’s isActive/isRunning as a campaign status', () => {
    expect(campaignStatusOfSkill({ isActive: true, isRunning: true })).toBe('running');
    expect(campaignStatusOfSkill({ isActive: true, isRunning: false })).toBe('paused');
    expect(campaignStatusOfSkill({ isActive: false, isRunning: true })).toBe('completed');
  });

  it('reads a disposition name as an outcome code', () => {
    expect(outcomeCodeOfDispositionName('Not interested')).toBe('NOT_INTERESTED');
    expect(outcomeCodeOfDispositionName(' Do-not-call ')).toBe('DO_NOT_CALL');
  });

  it('matches an outcome code to a disposition with the same words, and nothing looser', () => {
    expect(dispositionMatchesOutcome('Call back later', 'CALLBACK_LATER')).toBe(true);
    expect(dispositionMatchesOutcome('Left voicemail', 'VOICEMAIL_LEFT')).toBe(true);
    expect(dispositionMatchesOutcome('Not interested', 'INTERESTED')).toBe(false);
    expect(dispositionMatchesOutcome('Busy signal', 'BUSY')).toBe(false);
  });

  it('turns North American E.164 numbers into the 10-digit DNC form and leaves others without the plus', () => {
    expect(dncPhoneNumberOf('+15125550100')).toBe('5125550100');
    expect(dncPhoneNumberOf('+442071838750')).toBe('442071838750');
  });
});

describe('Admin API error answers', () => {
  const operation = { name: 'read campaign 7', method: 'GET', path: '/skills/7', resource: 'campaign (skill) 7' } as const;
  const body = (error: string, errorDescription: string) => JSON.stringify({ error, errorDescription });

  it('carries the tenant’s error code and description', () => {
    const error = describeAdminHttpFailure(operation, 400, body('InvalidParameter', 'top must be 1 or more.'), new Headers());
    expect([error.kind, error.code]).toEqual(['validation', 'InvalidParameter']);
    expect(error.message).toContain('top must be 1 or more');
  });

  it('reads the auth endpoints’ error_description too, and names a permission, not a scope, on 403', () => {
    const error = describeAdminHttpFailure(
      operation,
      403,
      JSON.stringify({ error: 'forbidden', error_description: 'Role lacks Skills: Edit.' }),
      new Headers(),
    );
    expect(error.kind).toBe('permission');
    expect(error.message).toContain('Role lacks Skills: Edit');
    expect(error.message).not.toContain('scope');
  });

  it('reads 429 with and without Retry-After as rate_limited', () => {
    expect(describeAdminHttpFailure(operation, 429, body('TooManyRequests', 'Slow down.'), new Headers({ 'retry-after': '3' })).retryAfterSeconds).toBe(3);
    const bare = describeAdminHttpFailure(operation, 429, '', new Headers());
    expect([bare.kind, bare.retryAfterSeconds]).toEqual(['rate_limited', undefined]);
  });
});
