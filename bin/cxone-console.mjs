#!/usr/bin/env node
// `npx cxone-console …`: runs the bundled command line built by `npm run build`.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../out/node/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error(`cxone-console is not built yet: run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))} first.`);
  process.exit(2);
}
await import(cli.href);
