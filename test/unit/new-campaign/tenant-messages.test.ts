import { describe, expect, it } from 'vitest';
import { consoleError } from '../../../shared/errors';
import { fieldMessagesOfTenantDetails, formFieldOfTenantPath } from '../../../shared/new-campaign/field-messages';
import { explainLicenceLimit, isLicenceLimit } from '../../../shared/new-campaign/licence-message';
import { isAmbiguousCreateFailure } from '../../../electron/new-campaign/creation-failure';

describe('tenant answers on the wizard', () => {
  it('puts 422 details on the wizard field that sets the path', () => {
    expect(formFieldOfTenantPath('wrapUpCodeIds[1]')).toBe('wrapUpCodeIds');
    expect(formFieldOfTenantPath('rules.maxConcurrentCalls')).toBe('maxConcurrentCalls');
    expect(formFieldOfTenantPath('customAttributes.timezone')).toBe('timezone');
    expect(formFieldOfTenantPath('customAttributes.region')).toBe('region');
    expect(formFieldOfTenantPath('dialerType')).toBe('dialerType');
    expect(formFieldOfTenantPath('schedule.cronExpression')).toBeNull();
    expect(
      fieldMessagesOfTenantDetails([
        { code: 'UNKNOWN_REFERENCE', message: 'Wrap-up code wuc-99 does not exist.', path: 'wrapUpCodeIds[0]' },
        { code: 'UNKNOWN_REFERENCE', message: 'Wrap-up code wuc-98 does not exist.', path: 'wrapUpCodeIds[1]' },
        { message: 'no path' },
      ]),
    ).toEqual({ wrapUpCodeIds: 'Wrap-up code wuc-99 does not exist.' });
  });

  it('explains a licence refusal with what to do, keeping the tenant words', () => {
    const tenantSaid = consoleError('permission', 'Forbidden', { status: 403, code: 'LICENCE_LIMIT', details: [] });
    expect(isLicenceLimit(tenantSaid)).toBe(true);
    expect(isLicenceLimit(consoleError('permission', 'missing scope', { status: 403, code: 'INSUFFICIENT_SCOPE' }))).toBe(false);
    const explained = explainLicenceLimit(tenantSaid);
    expect(explained.message).toMatch(/no free campaign licence/);
    expect(explained.message).toMatch(/Complete a campaign .* or ask your CXone administrator for more campaign licences/);
    expect(explained.details?.[0]?.code).toBe('LICENCE_LIMIT');
  });

  it('treats only failures the tenant may have run as ambiguous', () => {
    expect(isAmbiguousCreateFailure(consoleError('server', 'boom', { status: 500 }))).toBe(true);
    expect(isAmbiguousCreateFailure(consoleError('timeout', 'timed out'))).toBe(true);
    expect(isAmbiguousCreateFailure(consoleError('network', 'socket hang up'))).toBe(true);
    expect(isAmbiguousCreateFailure(consoleError('invalid_response', 'not JSON', { status: 201 }))).toBe(true);
    expect(isAmbiguousCreateFailure(consoleError('validation', 'bad', { status: 422 }))).toBe(false);
    expect(isAmbiguousCreateFailure(consoleError('permission', 'licence', { status: 403 }))).toBe(false);
    expect(isAmbiguousCreateFailure(consoleError('rate_limited', 'slow down', { status: 429 }))).toBe(false);
    expect(isAmbiguousCreateFailure(consoleError('configuration', 'no tenant'))).toBe(false);
  });
});
