import { createConsoleApi, type ConsoleApi } from '../../../renderer/api';
import type { ConnectionState, Transport } from '../../../renderer/transport/transport';
import { consoleError, toConsoleError, type ConsoleError } from '../../../shared/errors';
import type { EventChannelName, RequestChannelName } from '../../../shared/ipc/channel-names';
import { eventChannels, requestChannels, type EventOf, type ParsedRequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import type { ReplyEnvelope } from '../../../shared/ipc/envelope';

type Handler<K extends RequestChannelName> = (request: ParsedRequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>;
type Handlers = { [K in RequestChannelName]?: Handler<K> };

/** Thrown by a handler to answer like main does when a service refuses. */
export class FakeRefusal extends Error {
  constructor(readonly error: ConsoleError) {
    super(error.message);
  }
}

export interface FakeConsole {
  /** The real renderer API over the fake transport. */
  api: ConsoleApi;
  handle<K extends RequestChannelName>(channel: K, handler: Handler<K>): void;
  /** Every request sent on a channel, as main would have parsed it. */
  requests<K extends RequestChannelName>(channel: K): ParsedRequestOf<K>[];
  /** Pushes an event like main does; the payload is checked against the contract first. */
  emit<K extends EventChannelName>(channel: K, payload: EventOf<K>): void;
  setConnection(state: ConnectionState): void;
  /** How many listeners are subscribed to events (0 once every store has stopped). */
  listenerCount(): number;
}

/**
 * A transport that answers from handlers instead of main, validating each request and
 * response against the IPC contract, so a store test sends only what main would accept.
 */
export function createFakeConsole(handlers: Handlers = {}): FakeConsole {
  const table: Handlers = { ...handlers };
  const sent: { channel: RequestChannelName; request: unknown }[] = [];
  const eventListeners = new Set<(channel: string, payload: unknown) => void>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let connection: ConnectionState = 'open';

  const answer = async (channel: RequestChannelName, payload: unknown): Promise<ReplyEnvelope> => {
    const spec = requestChannels[channel];
    const parsed = spec.request.safeParse(payload);
    // Refused the way main's dispatch refuses an invalid request.
    if (!parsed.success) {
      const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
      return { ok: false, error: consoleError('validation', `The request to ${channel} is invalid.`, { details }) };
    }
    sent.push({ channel, request: parsed.data });
    const handler = table[channel] as ((request: unknown) => unknown) | undefined;
    if (!handler) return { ok: false, error: consoleError('internal', `${channel} is not faked in this test.`) };
    try {
      const value = spec.response.parse(await handler(parsed.data));
      return { ok: true, value };
    } catch (thrown) {
      return { ok: false, error: thrown instanceof FakeRefusal ? thrown.error : toConsoleError(thrown) };
    }
  };

  const transport: Transport = {
    invoke: (channel, payload) => answer(channel as RequestChannelName, payload),
    subscribe(listener) {
      eventListeners.add(listener);
      return () => eventListeners.delete(listener);
    },
    onConnectionChange(listener) {
      connectionListeners.add(listener);
      listener(connection);
      return () => connectionListeners.delete(listener);
    },
  };

  return {
    api: createConsoleApi(transport),
    handle(channel, handler) {
      (table as Record<string, unknown>)[channel] = handler;
    },
    requests: <K extends RequestChannelName>(channel: K) => sent.filter((call) => call.channel === channel).map((call) => call.request as ParsedRequestOf<K>),
    emit(channel, payload) {
      const checked = eventChannels[channel].parse(payload);
      for (const listener of [...eventListeners]) listener(channel, checked);
    },
    setConnection(state) {
      connection = state;
      for (const listener of connectionListeners) listener(state);
    },
    listenerCount: () => eventListeners.size,
  };
}

/** Lets every reply already given reach the store (replies resolve as microtasks; this waits for a macrotask). */
export const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A promise the test resolves or rejects, to hold a request in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}
