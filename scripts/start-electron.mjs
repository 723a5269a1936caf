// `npm start`: build and launch the desktop app. package.json's allowScripts keeps Electron's download out of
// `npm install` (so an offline install succeeds); the binary is fetched here, on demand, with its progress
// visible. Where it cannot be had, one line says why and the browser mode starts instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

const binary = installedElectron() ?? downloadElectron();
if (binary) startElectron(binary);
else startBrowserMode();

function installedElectron() {
  try {
    const candidate = require('electron');
    return typeof candidate === 'string' && existsSync(candidate) ? candidate : null;
  } catch {
    return null;
  }
}

/** Runs Electron's own installer script; returns the binary, or null after saying in one line why not. */
function downloadElectron() {
  let installer;
  try {
    installer = join(dirname(require.resolve('electron/package.json')), 'install.js');
  } catch {
    console.error('The electron package is not installed (run `npm install` first); starting the browser mode instead.');
    return null;
  }
  console.log('Getting the Electron desktop binary (once)…');
  const run = spawnSync(process.execPath, [installer], {
    stdio: ['ignore', 'inherit', 'pipe'],
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    encoding: 'utf8',
  });
  const binary = run.status === 0 ? installedElectron() : null;
  if (!binary) {
    console.error(`The Electron desktop binary is not available here (${firstErrorLine(run)}); starting the browser mode instead.`);
  }
  return binary;
}

function firstErrorLine(run) {
  if (run.error) return run.error.message;
  const lines = (run.stderr ?? '').split('\n').map((line) => line.trim());
  const message = lines.find((line) => /error|ENOTFOUND|ECONN|ETIMEDOUT|EAI_AGAIN/i.test(line) && !line.startsWith('at '));
  return message ?? lines.find((line) => line.length > 0) ?? `installer exited with code ${run.status}`;
}

function startBrowserMode() {
  const web = spawn('npm', ['run', 'start:web'], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
}

function startElectron(electronBinary) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const child = spawn(electronBinary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
