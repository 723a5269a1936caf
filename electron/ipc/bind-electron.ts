import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { consoleError } from '../../shared/errors';
import { requestChannelNames } from '../../shared/ipc/channel-names';
import { dispatchRequest } from './dispatch';
import type { EventBus, RequestHandlers } from './handlers';

/**
 * Binds every contract channel to the services. A call is answered only when it
 * comes from the app's own window and its own page (not a navigated-away frame).
 */
export function bindElectronIpc(handlers: RequestHandlers, events: EventBus, window: BrowserWindow, isAppUrl: (url: string) => boolean): () => void {
  const fromOwnWindow = (event: IpcMainInvokeEvent) => event.sender.id === window.webContents.id && isAppUrl(event.senderFrame?.url ?? '');
  for (const channel of requestChannelNames) {
    ipcMain.handle(channel, (event, payload: unknown) => {
      if (!fromOwnWindow(event)) {
        return { ok: false, error: consoleError('permission', 'Request refused: it did not come from the console window.') };
      }
      return dispatchRequest(handlers, channel, payload);
    });
  }
  const unsubscribe = events.subscribe((channel, payload) => {
    if (!window.isDestroyed()) window.webContents.send(channel, payload);
  });
  return () => {
    unsubscribe();
    for (const channel of requestChannelNames) ipcMain.removeHandler(channel);
  };
}
