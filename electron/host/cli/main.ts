import { runCli } from './cli';

/** Resolves once everything written to `stream` so far has left the process (a pipe is written asynchronously). */
const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

// The only file that ends the process; everything else is testable through runCli.
// Exiting before stdout drains cut `--json` piped into another program at 64 KB.
const code = await runCli(process.argv.slice(2));
await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
process.exit(code);
