import type { Command } from 'commander';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { TenantProfile } from '../../../shared/tenant-profile';
import { urlSettingProblem } from '../../../shared/url-setting';
import { connectTenant } from '../../tenant/connect';
import type { TenantConnection } from '../../tenant/ports';
import { exitCodes, reportError, type CliIo } from './io';

/** What every command gets: output, the tenant from the environment, the data folder. */
export interface CliContext {
  io: CliIo;
  /** A connection to the tenant named by CXONE_BASE_URL, CXONE_CLIENT_ID, CXONE_CLIENT_SECRET (and CXONE_TOKEN_URL). */
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

/** An environment variable holding a URL: https:, or http: on loopback, else refused naming the variable. */
export function checkedUrl(name: string, value: string): string {
  const problem = urlSettingProblem(name, value);
  if (problem) throw new ConsoleFailure(consoleError('configuration', problem, { target: name }));
  return value;
}

export function createCliContext(io: CliIo): CliSession {
  const open = (): TenantConnection => {
    const apiBaseUrl = checkedUrl('CXONE_BASE_URL', required(io, 'CXONE_BASE_URL', 'the tenant API base URL, e.g. https://api.example.com'));
    const clientId = required(io, 'CXONE_CLIENT_ID', 'the API client id');
    const secret = required(io, 'CXONE_CLIENT_SECRET', 'the API client secret');
    const tokenUrl = io.env.CXONE_TOKEN_URL?.trim();
    if (tokenUrl) checkedUrl('CXONE_TOKEN_URL', tokenUrl);
    const profile: TenantProfile = {
      id: 'cli',
      label: new URL(apiBaseUrl).host,
      adapter: 'contract',
      apiBaseUrl,
      ...(tokenUrl ? { tokenUrl } : {}),
      clientId,
      credentialRef: 'env:CXONE_CLIENT_SECRET',
    };
    return connectTenant(profile, async () => secret);
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
