// Bundles the headless entry points (browser host, CLI, benchmarks) for plain Node.
// npm packages stay external (they are installed), except the ones every command loads at start:
// Node 20 loads an ES module package file by file (zod alone is ~100 files and ~90 ms), and a CommonJS
// one (commander) through its loader and an export scan of each file, which the emergency pause would
// otherwise wait on before its first request.
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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
const bundledPackages = ['zod', 'ky', 'commander'];
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

// zod's `z` namespace carries every translated message set (z.locales: 60 languages, ~370 KB, about
// half the zod chunk), kept whole by any `import { z } from 'zod'`; compiling it cost every command
// ~30 ms at start. The console speaks English: in these bundles z.locales (and z.core.locales) hold
// English only, which zod registers by default anyway.
const englishOnlyZodLocales = {
  name: 'english-only-zod-locales',
  setup(pluginBuild) {
    const englishOnly = fileURLToPath(new URL('./zod-english-locales.mjs', import.meta.url));
    pluginBuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]node_modules[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir) ? { path: englishOnly } : undefined,
    );
  },
};

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
  // The bundled CommonJS package (commander) requires Node's own modules; an ES module has no `require`.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: true,
  plugins: [englishOnlyZodLocales],
  logLevel: 'warning',
});
