// Bundles the headless entry points (browser host, CLI, benchmarks) for plain Node.
// npm packages stay external: they are installed, and bundling them gains nothing.
import { build } from 'esbuild';

const entries = {
  'web-host': 'electron/host/web-host-main.ts',
  cli: 'electron/host/cli/main.ts',
  bench: 'scripts/bench/index.ts',
  // Loaded by the simulation pool's worker threads, next to the bundle that starts them.
  'simulation-worker': 'electron/new-campaign/simulation-worker.ts',
};

await build({
  entryPoints: entries,
  outdir: 'out/node',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
