import { createElectronTransport } from './electron-transport';
import { preloadGlobalName, type PreloadApi } from './preload-api';
import type { Transport } from './transport';
import { createWebSocketTransport } from './websocket-transport';

const tokenStorageKey = 'cxone-bridge-token';

/** Picks the transport: the preload API inside Electron, the loopback bridge in a browser. */
export function detectTransport(): Transport {
  const preload = (window as unknown as Record<string, PreloadApi | undefined>)[preloadGlobalName];
  if (preload) return createElectronTransport(preload);
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(tokenStorageKey, fromHash);
    history.replaceState(null, '', window.location.pathname);
  }
  const token = fromHash ?? sessionStorage.getItem(tokenStorageKey) ?? '';
  const wsUrl = `ws://${window.location.host}/bridge?token=${encodeURIComponent(token)}`;
  return createWebSocketTransport(wsUrl);
}
