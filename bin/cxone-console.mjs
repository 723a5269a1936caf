#!/usr/bin/env -S node --max-semi-space-size=4 --no-allocation-site-pretenuring
// `npx cxone-console …`: runs the bundled command line built by `npm run build`.
// The heap flags keep `dispositions check` of a 1,000,000-row file near 135 MB instead of 157: V8's
// young generation otherwise grows to 32 MB, and with it capped, pretenuring moves the decoded
// texts to the old space, where they pile up until a full collection (scripts/bench/parse.ts).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/node/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(`cxone-console is not built yet: run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))} first.`);
  process.exit(2);
}
await import(cli.href);
