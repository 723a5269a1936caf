import { describe, expect, it } from 'vitest';
import { operatorActor, operatorName } from '../../../electron/app/operator-actor';

const noAccount = () => {
  throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
};

describe('the operator as the audit log names them', () => {
  it('is the account name when the account has one', () => {
    expect(operatorActor(undefined, { userInfo: () => ({ username: 'dana' }), env: { USER: 'someone-else' } })).toEqual({ type: 'user', name: 'dana' });
  });

  it('says where they acted from when given a suffix', () => {
    expect(operatorActor('tray menu', { userInfo: () => ({ username: 'dana' }), env: {} })).toEqual({ type: 'user', name: 'dana (tray menu)' });
  });

  it('falls back to what the shell says when the uid has no account entry', () => {
    expect(operatorName({ userInfo: noAccount, env: { USER: 'dana', LOGNAME: 'x', USERNAME: 'y' } })).toBe('dana');
    expect(operatorName({ userInfo: noAccount, env: { LOGNAME: 'lee', USERNAME: 'y' } })).toBe('lee');
    expect(operatorName({ userInfo: noAccount, env: { USER: '', USERNAME: 'sam' } })).toBe('sam');
  });

  it('is "operator" when neither the account nor the shell names anyone, and never throws', () => {
    expect(operatorActor('tray menu', { userInfo: noAccount, env: {} })).toEqual({ type: 'user', name: 'operator (tray menu)' });
    expect(operatorName({ userInfo: () => ({ username: '' }), env: {} })).toBe('operator');
  });
});
