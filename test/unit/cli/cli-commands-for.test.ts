import { describe, expect, it } from 'vitest';
import { createActionRunner, createCliContext } from '../../../electron/host/cli/cli-context';
import { cliCommands, cliCommandsFor, preparesTenant } from '../../../electron/host/cli/commands/index';
import { capturedIo } from '../../integration/cli/cli-io';

const namesOf = (argv: string[]) => cliCommandsFor(argv).flatMap((module) => module.names);

describe('which command modules a command line loads', () => {
  it('loads only the module that owns the first word', () => {
    expect(namesOf(['campaigns', 'pause', '--all', '--json'])).toEqual(['campaigns']);
    expect(namesOf(['--json', 'simulate'])).toEqual(['staffing', 'simulate']);
  });

  it('loads every module for help, a bare program or a word no module owns, so commander can list and suggest them', () => {
    const all = cliCommands.flatMap((module) => module.names);
    expect(namesOf([])).toEqual(all);
    expect(namesOf(['--help'])).toEqual(all);
    expect(namesOf(['campains', 'list'])).toEqual(all);
  });

  it('names every top-level command its module registers', async () => {
    const { Command } = await import('commander');
    for (const lazy of cliCommands) {
      const program = new Command('cxone-console');
      const module = await lazy.load();
      const { io } = capturedIo();
      module.register(
        program,
        createCliContext(io),
        createActionRunner(io, () => undefined),
      );
      expect(program.commands.map((command) => command.name()).sort()).toEqual([...lazy.names].sort());
    }
  });
});

describe('which command lines fetch the token while the command loads', () => {
  it('the campaign commands that talk to the tenant at once, never help or the offline ones', () => {
    expect(preparesTenant(['campaigns', 'pause', '--all'])).toBe(true);
    expect(preparesTenant(['campaigns', 'list', '--json'])).toBe(true);
    expect(preparesTenant(['campaigns', 'pause', '--help'])).toBe(false);
    expect(preparesTenant(['campaigns', 'emergency'])).toBe(false);
    expect(preparesTenant(['dispositions', 'check', 'file.csv'])).toBe(false);
    expect(preparesTenant([])).toBe(false);
  });
});
