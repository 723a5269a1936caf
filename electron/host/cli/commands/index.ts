import type { CliCommandModule } from '../cli-context';

/** A feature's commands, named by the top-level words it adds and loaded only when one of them is run. */
export interface LazyCliCommandModule {
  /** The top-level command words the module registers. */
  names: readonly string[];
  load(): Promise<CliCommandModule>;
}

/**
 * Every feature's commands; a feature adds its module here and keeps the rest in its own file.
 * Loaded on demand, so `campaigns pause --all` never reads the CSV, calendar or simulation code
 * before its first request goes out (the bundle is split at these imports).
 */
export const cliCommands: readonly LazyCliCommandModule[] = [
  { names: ['demo-tenant'], load: async () => (await import('./demo-tenant-command')).demoTenantCommand },
  { names: ['campaigns'], load: async () => (await import('./campaigns-command')).campaignsCommand },
  { names: ['dispositions'], load: async () => (await import('./dispositions-command')).dispositionsCommand },
  { names: ['audit'], load: async () => (await import('./audit-command')).auditCommand },
  { names: ['staffing', 'simulate'], load: async () => (await import('./simulation')).simulationCommands },
  { names: ['schedule'], load: async () => (await import('./schedule-command')).scheduleCommand },
];

/**
 * The modules `argv` needs: the one owning its first word; every module when there is no such
 * word (help, a bare program, an unknown or misspelt command), so commander can list and suggest them all.
 */
export function cliCommandsFor(argv: readonly string[]): readonly LazyCliCommandModule[] {
  const word = argv.find((arg) => !arg.startsWith('-'));
  const owner = word === undefined ? undefined : cliCommands.find((module) => module.names.includes(word));
  return owner ? [owner] : cliCommands;
}
