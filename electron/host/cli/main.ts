import { runCli } from './cli';

// The only file that ends the process; everything else is testable through runCli.
process.exit(await runCli(process.argv.slice(2)));
