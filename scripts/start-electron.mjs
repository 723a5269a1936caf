// `npm start`: build and launch the desktop app, or say plainly why it cannot run here.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let electronBinary = null;
try {
  const candidate = require('electron');
  if (typeof candidate === 'string' && existsSync(candidate)) electronBinary = candidate;
} catch {
  electronBinary = null;
}
if (!electronBinary) {
  console.error(
    'The Electron binary is not installed here, so the desktop app cannot start; starting the browser mode (`npm run start:web`) instead.',
  );
  const web = spawn('npm', ['run', 'start:web'], { stdio: 'inherit' });
  web.on('exit', (code) => process.exit(code ?? 0));
} else {
  startElectron(electronBinary);
}

function startElectron(binary) {
  const built = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
  const child = spawn(binary, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
