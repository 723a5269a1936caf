import type { CliCommandModule } from '../cli-context';

/** A feature's commands, named by the top-level words it adds and loaded only when one of them is run. */
export interface LazyCliCommandModule {
  /** The top-level command words the module registers. */
  names: readonly string[];
  load(): Promise<CliCommandModule>;
  /** Whether the command named by these words (without options) talks to the tenant at once, so its token can be fetched while it loads. */
  talksToTenant?(words: readonly string[]): boolean;
}

/**
 * Every feature's commands; a feature adds its module here and keeps the rest in its own file.
 * Loaded on demand, so `campaigns pause --all` never reads the CSV, calendar or simulation code
 * before its first request goes out (the bundle is split at these imports).
 */
export const cliCommands: readonly LazyCliCommandModule[] = [
  { names: ['demo-tenant'], load: async () => (await import('./demo-tenant-command')).demoTenantCommand },
  {
    names: ['campaigns'],
    load: async () => (await import('./campaigns-command')).campaignsCommand,
    talksToTenant: (words) => ['list', 'pause', 'resume'].includes(words[1] ?? ''),
  },
  { names: ['dispositions'], load: async () => (await import('./dispositions-command')).dispositionsCommand },
  { names: ['audit'], load: async () => (await import('./audit-command')).auditCommand },
  { names: ['staffing', 'simulate'], load: async () => (await import('./simulation')).simulationCommands },
  { names: ['schedule'], load: async () => (await import('./schedule-command')).scheduleCommand },
  { names: ['automation'], load: async () => (await import('./automation-command')).automationCommand },
];

const wordsOf = (argv: readonly string[]) => argv.filter((arg) => !arg.startsWith('-'));

/**
 * The modules `argv` needs: the one owning its first word; every module when there is no such
 * word (help, a bare program, an unknown or misspelt command), so commander can list and suggest them all.
 */
export function cliCommandsFor(argv: readonly string[]): readonly LazyCliCommandModule[] {
  const [word] = wordsOf(argv);
  const owner = word === undefined ? undefined : cliCommands.find((module) => module.names.includes(word));
  return owner ? [owner] : cliCommands;
}

/** Whether `argv` runs a command that talks to the tenant at once (never for help). */
export function preparesTenant(argv: readonly string[]): boolean {
  if (argv.includes('--help') || argv.includes('-h')) return false;
  const words = wordsOf(argv);
  const [owner] = cliCommandsFor(argv);
  return owner !== undefined && owner.names.includes(words[0] ?? '') && owner.talksToTenant?.(words) === true;
}
