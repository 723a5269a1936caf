import { BrowserWindow } from 'electron';
import { join } from 'node:path';
import { appUrlCheck } from './security/app-url';
import { hardenWindow } from './security/harden-window';

export interface ConsoleWindow {
  window: BrowserWindow;
  isAppUrl(url: string): boolean;
}

export function createConsoleWindow(rendererDir: string, preloadPath: string): ConsoleWindow {
  const indexFile = join(rendererDir, 'index.html');
  const isAppUrl = appUrlCheck(rendererDir);
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 960,
    minHeight: 600,
    title: 'CXone Outbound Console',
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  hardenWindow(window, isAppUrl);
  window.once('ready-to-show', () => window.show());
  void window.loadFile(indexFile);
  return { window, isAppUrl };
}
