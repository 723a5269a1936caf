import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { eventChannelNames, requestChannelNames } from '../shared/ipc/channel-names';

// One function per contract channel, nothing generic: the renderer cannot name a
// channel the contract does not declare. Main validates every payload again.
const api: Record<string, unknown> = {};
for (const channel of requestChannelNames) {
  api[channel] = (payload: unknown) => ipcRenderer.invoke(channel, payload);
}
const events: ReadonlySet<string> = new Set(eventChannelNames);
api.subscribe = (channel: string, listener: (payload: unknown) => void) => {
  if (!events.has(channel)) throw new Error(`Unknown event channel ${channel}`);
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(channel, wrapped);
  return () => ipcRenderer.removeListener(channel, wrapped);
};

contextBridge.exposeInMainWorld('cxoneConsole', Object.freeze(api));
