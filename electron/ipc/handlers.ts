import type { EventChannelName, RequestChannelName } from '../../shared/ipc/channel-names';
import type { EventOf, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';

/** The services' side of the contract: one async function per request channel. */
export type RequestHandlers = {
  [K in RequestChannelName]: (request: ParsedRequestOf<K>) => Promise<ResponseOf<K>>;
};

/** Where services push events; each transport (Electron window, browser bridge) subscribes. */
export interface EventBus {
  emit<K extends EventChannelName>(channel: K, payload: EventOf<K>): void;
  subscribe(listener: (channel: EventChannelName, payload: unknown) => void): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<(channel: EventChannelName, payload: unknown) => void>();
  return {
    emit(channel, payload) {
      for (const listener of listeners) listener(channel, payload);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
