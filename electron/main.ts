import { app, BrowserWindow, safeStorage } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { createConsoleServices, type ConsoleServices } from './app/console-services';
import { bindElectronIpc } from './ipc/bind-electron';
import { hardenSession } from './security/harden-window';
import type { KeyValueStore } from './settings/key-value-store';
import { createFileVault } from './vault/file-vault';
import { createConsoleTray } from './tray';
import { createConsoleWindow } from './window';

// Composition root: window, IPC and the services. Everything else lives behind it.
if (!app.requestSingleInstanceLock()) app.quit();

let services: ConsoleServices | null = null;

function electronStore(): KeyValueStore {
  const store = new Store<Record<string, unknown>>({ name: 'settings' });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}

async function start(): Promise<void> {
  hardenSession();
  const dataDir = app.getPath('userData');
  services = await createConsoleServices({
    shell: 'electron',
    version: app.getVersion(),
    dataDir,
    store: electronStore(),
    vault: createFileVault(join(dataDir, 'vault.json'), {
      codec: {
        encode: (secret) => safeStorage.encryptString(secret).toString('base64'),
        decode: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
      },
    }),
  });
  const { window, isAppUrl } = createConsoleWindow(join(__dirname, '../renderer'), join(__dirname, '../preload/preload.cjs'));
  bindElectronIpc(services.handlers, services.events, window, isAppUrl);
  createConsoleTray(services, window);
}

app.on('second-instance', () => {
  const [window] = BrowserWindow.getAllWindows();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
});
app.on('window-all-closed', () => app.quit());
app.on('before-quit', () => {
  void services?.dispose();
});
app.whenReady().then(start, (error: unknown) => {
  console.error('The console could not start:', error);
  app.exit(1);
});
