// Bundles the headless entry points (browser host, CLI, benchmarks) for plain Node.
// npm packages stay external (they are installed), except the ES module ones every command loads at start:
// Node 20 loads an ES module package file by file (zod alone is ~100 files and ~90 ms), which the
// emergency pause would otherwise wait on before its first request.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const outdir = 'out/node';
const entries = {
  'web-host': 'electron/host/web-host-main.ts',
  cli: 'electron/host/cli/main.ts',
  bench: 'scripts/bench/index.ts',
  // Worker threads' entries, next to the bundle that starts them (electron/base/worker-entry.ts).
  'simulation-worker': 'electron/new-campaign/simulation-worker.ts',
  // The duplicate count of a big file's scan (dispositions check), beside its reading thread.
  'tally-worker': 'electron/dispositions/reading/tally-worker.ts',
};

// Split at dynamic imports: a CLI command loads only its own code and packages (the emergency
// pause must not wait for the CSV, calendar and simulation code to compile). Chunks sit next to
// the entries, where worker threads look for their entries; old ones are removed first.
const chunkPrefix = 'chunk-';
const bundledPackages = ['zod', 'ky'];
const manifest = JSON.parse(readFileSync('package.json', 'utf8'));
const installedPackages = Object.keys({ ...manifest.dependencies, ...manifest.devDependencies, ...manifest.optionalDependencies });
for (const name of (() => {
  try {
    return readdirSync(outdir);
  } catch {
    return [];
  }
})()) {
  if (name.startsWith(chunkPrefix)) rmSync(join(outdir, name));
}

await build({
  entryPoints: entries,
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  chunkNames: `${chunkPrefix}[hash]`,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: installedPackages.filter((name) => !bundledPackages.includes(name)),
  sourcemap: true,
  logLevel: 'warning',
});
