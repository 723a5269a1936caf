import { eventChannelNames, type RequestChannelName } from '../../shared/ipc/channel-names';
import { consoleError } from '../../shared/errors';
import type { PreloadApi } from './preload-api';
import type { Transport } from './transport';

export function createElectronTransport(api: PreloadApi): Transport {
  return {
    async invoke(channel, payload) {
      const call = (api as unknown as Record<string, ((p: unknown) => ReturnType<PreloadApi[RequestChannelName]>) | undefined>)[channel];
      if (!call) return { ok: false, error: consoleError('internal', `The app does not expose ${channel}.`) };
      return call(payload);
    },
    subscribe(listener) {
      const offs = eventChannelNames.map((channel) => api.subscribe(channel, (payload) => listener(channel, payload)));
      return () => offs.forEach((off) => off());
    },
    onConnectionChange(listener) {
      listener('open');
      return () => undefined;
    },
  };
}
