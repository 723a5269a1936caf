import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { defaultHeadlessDataDir, startWebHost } from './web-host';

// Bundled to out/node/web-host.mjs; the renderer is built to out/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const portArgument = process.argv.find((arg) => arg.startsWith('--port='));

const host = await startWebHost({
  dataDir: defaultHeadlessDataDir(),
  rendererDir: join(here, '..', 'renderer'),
  version: process.env.npm_package_version ?? '0.0.0',
  port: portArgument ? Number(portArgument.slice('--port='.length)) : 0,
});
process.stdout.write(`CXone Outbound Console (browser mode) — open:\n${host.bridge.url}\n`);
process.stdout.write(`Tenant: ${host.services.tenant.status().label} (${host.services.tenant.status().connection}). Ctrl+C to stop.\n`);

const stop = () => {
  void host.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
