import type { EventChannelName, RequestChannelName } from '../../shared/ipc/channel-names';
import type { EventOf, ParsedRequestOf, ResponseOf } from '../../shared/ipc/contract';
import { knownSecrets } from '../security/known-secrets';

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
      if (listeners.size === 0) return;
      const clean = knownSecrets.redact(payload);
      for (const listener of listeners) listener(channel, clean);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
