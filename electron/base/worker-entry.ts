/**
 * A worker thread's bundled entry (`name`, listed in electron.vite.config.ts and scripts/build-node.mjs),
 * next to the bundle this module is built into (out/main/*.js or out/node/*.mjs). Run from the
 * TypeScript sources (the tests), it is the built out/node entry, since a worker thread cannot
 * load TypeScript: those tests need `npm run build` first.
 */
export function workerEntryUrl(name: string): URL {
  const own = import.meta.url;
  if (own.endsWith('.ts')) return new URL(`../../out/node/${name}.mjs`, own);
  return new URL(own.endsWith('.mjs') ? `./${name}.mjs` : `./${name}.js`, own);
}
