// Validates electron-builder.yml offline against electron-builder's own schema, and
// checks the promises packaging must keep (targets, asar, icon, no renderer-only
// packages or dev tools in the shipped dependencies). Packaging itself needs an
// Electron download, which these machines cannot do.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config');
const { DebugLogger } = require('builder-util');

const problems = [];
const config = await getConfig(process.cwd(), 'electron-builder.yml', null);
try {
  await validateConfiguration(config, new DebugLogger(false));
} catch (error) {
  problems.push(`electron-builder schema: ${error.message}`);
}

const targets = (platform) => (config[platform]?.target ?? []).map((t) => (typeof t === 'string' ? t : t.target));
const expectTargets = { linux: ['AppImage', 'deb'], win: ['nsis'], mac: ['dmg'] };
for (const [platform, wanted] of Object.entries(expectTargets)) {
  for (const target of wanted) if (!targets(platform).includes(target)) problems.push(`${platform} must build ${target}`);
}
if (config.asar !== true) problems.push('asar must be on');
for (const platform of ['linux', 'win', 'mac']) {
  const icon = config[platform]?.icon;
  if (!icon || !existsSync(icon)) problems.push(`${platform}.icon (${icon}) must exist`);
}
const files = (config.files ?? []).flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.filter ?? [])));
if (!files.includes('!out/node/**')) problems.push('the browser host and CLI bundles (out/node) must be excluded from the app');

// Fuses: flipped by electron-builder (through @electron/fuses) when it packages the binary.
const requiredFuses = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};
const fuses = config.electronFuses ?? {};
for (const [fuse, wanted] of Object.entries(requiredFuses)) {
  if (fuses[fuse] !== wanted) problems.push(`electronFuses.${fuse} must be ${wanted} (is ${fuses[fuse] ?? 'unset'})`);
}
if (!existsSync('node_modules/@electron/fuses/package.json')) problems.push('@electron/fuses (used by electron-builder to flip the fuses) is not installed');

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const rendererOnly = ['react', 'react-dom', 'zustand', 'recharts', '@tanstack/react-virtual'];
for (const name of rendererOnly) {
  if (pkg.dependencies?.[name]) problems.push(`${name} is renderer-only: keep it in devDependencies so it is not packaged`);
}
for (const name of ['electron', 'playwright-core', 'vitest', 'electron-builder']) {
  if (pkg.dependencies?.[name]) problems.push(`${name} must not be a runtime dependency`);
}

if (problems.length > 0) {
  console.error(`electron-builder config: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(
  'electron-builder config: valid (linux AppImage+deb, win nsis, mac dmg, asar on, fuses: no RunAsNode/NODE_OPTIONS/--inspect, asar-only with integrity check, renderer packages excluded)',
);
