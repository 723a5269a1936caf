import { describeError, type ConsoleError } from '../shared/errors';
import type { EventChannelName, RequestChannelName } from '../shared/ipc/channel-names';
import type { EventOf, RequestOf, ResponseOf } from '../shared/ipc/contract';
import type { ConnectionState, Transport } from './transport/transport';

/** A failed request: carries the typed error so screens can say what happened. */
export class ApiError extends Error {
  readonly error: ConsoleError;
  constructor(error: ConsoleError) {
    super(describeError(error));
    this.name = 'ApiError';
    this.error = error;
  }
}

export interface ConsoleApi {
  call<K extends RequestChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>>;
  on<K extends EventChannelName>(channel: K, listener: (payload: EventOf<K>) => void): () => void;
  onConnectionChange(listener: (state: ConnectionState) => void): () => void;
}

export function createConsoleApi(transport: Transport): ConsoleApi {
  return {
    async call(channel, request) {
      const reply = await transport.invoke(channel, request);
      if (!reply.ok) throw new ApiError(reply.error);
      return reply.value as ResponseOf<typeof channel>;
    },
    on(channel, listener) {
      return transport.subscribe((name, payload) => {
        if (name === channel) listener(payload as EventOf<typeof channel>);
      });
    },
    onConnectionChange: (listener) => transport.onConnectionChange(listener),
  };
}
