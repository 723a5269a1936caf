import { Emitter } from '../../shared/base/emitter';
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
  const emitted = new Emitter<{ channel: EventChannelName; payload: unknown }>();
  return {
    emit(channel, payload) {
      if (!emitted.hasListeners) return;
      emitted.fire({ channel, payload: knownSecrets.redact(payload) });
    },
    subscribe: (listener) => emitted.event(({ channel, payload }) => listener(channel, payload)),
  };
}
