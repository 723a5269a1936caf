import { createCliContext } from './cli-context';
import { preparesTenant } from './commands/index';
import { processIo } from './io';

/** Resolves once everything written to `stream` so far has left the process (a pipe is written asynchronously). */
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

// The only file that ends the process; everything else is testable through runCli.
const argv = process.argv.slice(2);
const io = processIo();
const session = createCliContext(io);
// The token request leaves before the argument parser and the command's code are even loaded:
// they load while it is on its way (the emergency pause's first PATCH waits for both).
if (preparesTenant(argv)) session.prepareTenant();
const { runCli } = await import('./cli');
const code = await runCli(argv, io, session);
// Exiting before stdout drains cut `--json` piped into another program at 64 KB.
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
