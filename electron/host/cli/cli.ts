import { Command, CommanderError } from 'commander';
import { createActionRunner, createCliContext, exitCodes, type CliSession } from './cli-context';
import { cliCommandsFor, preparesTenant } from './commands/index';
import { processIo, type CliIo } from './io';

const quietCodes = new Set(['commander.helpDisplayed', 'commander.version']);

/**
 * Runs `cxone-console` with `argv` (the arguments after the program name) and resolves
 * with the exit code: 0 success, 1 some items failed, 2 usage or configuration error.
 * `context` is the session the command runs in: main.ts passes the one whose token request
 * it started before loading this module.
 */
export async function runCli(argv: string[], io: CliIo = processIo(), context: CliSession = createCliContext(io)): Promise<number> {
  let exitCode: number = exitCodes.success;
  const program = new Command('cxone-console')
    .description('NICE CXone outbound console on the command line')
    .version(io.env.npm_package_version ?? '0.1.0')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) });
  const run = createActionRunner(io, (code) => {
    exitCode = code;
  });
  // The token is on its way while the command's code compiles (the emergency pause's first PATCH waits for both);
  // a session main.ts prepared already keeps its one request.
  if (preparesTenant(argv)) context.prepareTenant();
  try {
    const modules = await Promise.all(cliCommandsFor(argv).map((module) => module.load()));
    for (const module of modules) module.register(program, context, run);
    await program.parseAsync(argv, { from: 'user' });
  } catch (thrown) {
    if (thrown instanceof CommanderError) return quietCodes.has(thrown.code) ? exitCodes.success : exitCodes.usage;
    throw thrown;
  } finally {
    context.releaseUnused();
  }
  return exitCode;
}
