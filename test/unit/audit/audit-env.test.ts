import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliAuditLogOptions } from '../../../electron/audit/audit-env';
import { ConsoleFailure } from '../../../shared/errors';

describe('the command line audit writer settings', () => {
  it('rotates at CXONE_AUDIT_MAX_FILE_BYTES when set, at the default otherwise, and never removes history', () => {
    expect(cliAuditLogOptions('/data', {})).toEqual({ dir: join('/data', 'audit') });
    expect(cliAuditLogOptions('/data', { CXONE_AUDIT_MAX_FILE_BYTES: ' 65536 ' })).toEqual({ dir: join('/data', 'audit'), maxFileBytes: 65536 });
  });

  it('refuses a value that is not a whole number of bytes, naming the variable', () => {
    for (const value of ['10MB', '1.5', '100', '-5']) {
      let thrown: unknown;
      try {
        cliAuditLogOptions('/data', { CXONE_AUDIT_MAX_FILE_BYTES: value });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ConsoleFailure);
      expect((thrown as ConsoleFailure).error).toMatchObject({ kind: 'configuration', target: 'CXONE_AUDIT_MAX_FILE_BYTES' });
      expect((thrown as ConsoleFailure).message).toContain(`"${value}"`);
    }
  });
});
