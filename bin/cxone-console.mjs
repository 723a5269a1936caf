#!/usr/bin/env node
// `npx cxone-console …`: runs the bundled command line built by `npm run build`.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/node/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(`cxone-console is not built yet: run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))} first.`);
  process.exit(2);
}

// `dispositions check` of a big file runs with a small young generation: otherwise it grows to
// 48 MB, and with it capped, pretenuring moves the decoded texts to the old space, where they pile
// up until a full collection (scripts/bench/parse.ts). Any V8 flag also makes Node compile its own
// modules afresh (their code cache is keyed to the flags), ~60 ms of every start, so only this
// command, which runs for seconds, is started again with them; the emergency pause is not.
const heapFlags = ['--max-semi-space-size=2', '--no-allocation-site-pretenuring'];
const words = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
if (words[0] === 'dispositions' && words[1] === 'check' && !process.execArgv.includes(heapFlags[0])) {
  const run = spawnSync(process.execPath, [...heapFlags, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.error) {
    console.error(`cxone-console could not start the check: ${run.error.message}`);
    process.exit(2);
  }
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 2);
}
await import(cli.href);
