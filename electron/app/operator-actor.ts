import { userInfo } from 'node:os';
import type { AuditActor } from '../../shared/audit/audit-entry';

/** Where the operator's name is looked up: the account, then the shell's environment. Tests pass their own. */
export interface OperatorLookup {
  userInfo?: () => { username: string };
  env?: Readonly<Record<string, string | undefined>>;
}

/** The person running the console as the audit log names them; never throws. */
export function operatorName(lookup: OperatorLookup = {}): string {
  const account = lookup.userInfo ?? userInfo;
  const env = lookup.env ?? process.env;
  try {
    const { username } = account();
    if (username) return username;
  } catch {
    // No account entry for this uid (some containers): os.userInfo() throws; the shell may still say.
  }
  return env.USER || env.LOGNAME || env.USERNAME || 'operator';
}

/** The operator as an audit actor; `suffix` says where they acted from, e.g. `operatorActor('tray menu')`. */
export function operatorActor(suffix?: string, lookup?: OperatorLookup): AuditActor {
  const name = operatorName(lookup);
  return { type: 'user', name: suffix ? `${name} (${suffix})` : name };
}
