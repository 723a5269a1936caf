import type { Command } from 'commander';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import { connectTenant } from '../../tenant/connect';
import type { TenantConnection } from '../../tenant/ports';
import { exitCodes, reportError, type CliIo } from './io';
import { checkedUrl, tenantFromEnvironment } from './tenant-environment';

/** What every command gets: output, the tenant from the environment, the data folder. */
export interface CliContext {
  io: CliIo;
  /**
   * A connection to the tenant the environment names: CXONE_BASE_URL, CXONE_CLIENT_ID, CXONE_CLIENT_SECRET
   * (and CXONE_TOKEN_URL), or with CXONE_KIND=admin-api CXONE_ISSUER, CXONE_ACCESS_KEY_ID, CXONE_ACCESS_KEY_SECRET.
   */
  connect(): TenantConnection;
  /** CXONE_DATA_DIR, for commands that keep files. */
  dataDir(): string;
}

/** What runCli does with the context around the command, beyond what commands see. */
export interface CliSession extends CliContext {
  /**
   * Opens the tenant's connection and starts its token request now, while the command's own
   * code is still loading; the command's first connect() gets that connection. A configuration
   * problem is left for the command to report.
   */
  prepareTenant(): void;
  /** Closes a prepared connection no command took. */
  releaseUnused(): void;
}

/** A feature's commands, added to the program in its own file. */
export interface CliCommandModule {
  register(program: Command, context: CliContext, run: ActionRunner): void;
}

/** Wraps a command's action: its returned exit code (or its error's) becomes runCli's result. */
export type ActionRunner = <A extends unknown[]>(handler: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

function required(io: CliIo, name: string, purpose: string): string {
  const value = io.env[name]?.trim();
  if (!value) {
    throw new ConsoleFailure(consoleError('configuration', `Set ${name} to ${purpose}.`, { target: name }));
  }
  return value;
}

export { checkedUrl };

export function createCliContext(io: CliIo): CliSession {
  const open = (): TenantConnection => {
    const tenant = tenantFromEnvironment(io.env);
    return connectTenant(tenant.profile, tenant.secret, tenant.options);
  };
  let prepared: TenantConnection | null = null;
  return {
    io,
    connect() {
      const connection = prepared ?? open();
      prepared = null;
      return connection;
    },
    dataDir: () => required(io, 'CXONE_DATA_DIR', 'the folder where the console keeps its data'),
    prepareTenant() {
      if (prepared) return;
      try {
        prepared = open();
        prepared.prepare?.();
      } catch {
        prepared = null;
      }
    },
    releaseUnused() {
      prepared?.close();
      prepared = null;
    },
  };
}

export function createActionRunner(io: CliIo, settle: (code: number) => void): ActionRunner {
  return (handler) =>
    async (...args) => {
      try {
        settle(await handler(...args));
      } catch (thrown) {
        settle(reportError(io, thrown));
      }
    };
}

export { exitCodes };
