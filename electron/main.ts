import { app, BrowserWindow, dialog, safeStorage } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import { createConsoleServices, type ConsoleServices } from './app/console-services';
import { bindElectronIpc } from './ipc/bind-electron';
import { hardenSession } from './security/harden-window';
import type { KeyValueStore } from './settings/key-value-store';
import { createFileVault } from './vault/file-vault';
import { acceptWeakSecretStoreVariable, osEncryptionCodec } from './vault/os-encryption-codec';
import { createConsoleTray } from './tray';
import { createConsoleWindow } from './window';

// Composition root: window, IPC and the services. Everything else lives behind it.
if (!app.requestSingleInstanceLock()) app.quit();

let services: ConsoleServices | null = null;
let mainWindow: BrowserWindow | null = null;

/** The only way the desktop renderer names a file on disk: the lead picks it in main's own dialog. */
async function pickDispositionFile(): Promise<string | null> {
  const options = { properties: ['openFile' as const], filters: [{ name: 'Disposition files', extensions: ['csv', 'tsv', 'txt'] }] };
  const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  return picked.canceled ? null : (picked.filePaths[0] ?? null);
}

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
      codec: osEncryptionCodec(safeStorage, { acceptWeakStore: process.env[acceptWeakSecretStoreVariable] === '1' }),
    }),
    pickFile: pickDispositionFile,
  });
  const { window, isAppUrl } = createConsoleWindow(join(__dirname, '../renderer'), join(__dirname, '../preload/preload.cjs'));
  mainWindow = window;
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
// A failure anywhere in start() (not only in whenReady) says so and ends the app instead of leaving it half up.
app
  .whenReady()
  .then(start)
  .catch((error: unknown) => {
    console.error('The console could not start:', error);
    dialog.showErrorBox('CXone Outbound Console could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
