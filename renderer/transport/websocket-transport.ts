import { backoff } from '../../shared/base/backoff';
import { Emitter } from '../../shared/base/emitter';
import { consoleError } from '../../shared/errors';
import { replyEnvelopeSchema, type ReplyEnvelope } from '../../shared/ipc/envelope';
import type { ConnectionState, Transport } from './transport';

interface Pending {
  resolve: (reply: ReplyEnvelope) => void;
}

/**
 * Browser-mode transport: the same contract over the browser host's loopback
 * WebSocket. Reconnects with backoff; requests made while disconnected fail fast
 * with a network error instead of hanging.
 */
export function createWebSocketTransport(bridgeUrl: string): Transport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  let state: ConnectionState = 'connecting';
  const reconnectWait = backoff({ baseMs: 500, capMs: 10_000 });
  let failedConnects = 0;
  const pending = new Map<number, Pending>();
  const eventArrived = new Emitter<{ channel: string; payload: unknown }>();
  const stateChanged = new Emitter<ConnectionState>();
  let opened: Promise<void>;

  const setState = (next: ConnectionState) => {
    state = next;
    stateChanged.fire(next);
  };

  const connect = () => {
    opened = new Promise<void>((resolve) => {
      const ws = new WebSocket(bridgeUrl);
      socket = ws;
      setState('connecting');
      ws.onopen = () => {
        failedConnects = 0;
        setState('open');
        resolve();
      };
      ws.onmessage = (message) => {
        const data: unknown = JSON.parse(String(message.data));
        if (typeof data !== 'object' || data === null) return;
        if ('event' in data && typeof data.event === 'string') {
          eventArrived.fire({ channel: data.event, payload: (data as { payload?: unknown }).payload });
          return;
        }
        if ('id' in data && typeof data.id === 'number') {
          const waiting = pending.get(data.id);
          const reply = replyEnvelopeSchema.safeParse((data as { reply?: unknown }).reply);
          if (waiting && reply.success) {
            pending.delete(data.id);
            waiting.resolve(reply.data as ReplyEnvelope);
          }
        }
      };
      ws.onclose = () => {
        setState('closed');
        for (const [id, waiting] of pending) {
          pending.delete(id);
          waiting.resolve({ ok: false, error: consoleError('network', 'Lost the connection to the console host; retrying.') });
        }
        resolve();
        setTimeout(connect, reconnectWait(++failedConnects));
      };
    });
  };
  connect();

  return {
    async invoke(channel, payload) {
      if (state !== 'open') await opened;
      const ws = socket;
      if (!ws || ws.readyState !== WebSocket.OPEN) {
        return { ok: false, error: consoleError('network', 'The console host is not reachable; is the host still running?') };
      }
      const id = nextId++;
      return new Promise<ReplyEnvelope>((resolve) => {
        pending.set(id, { resolve });
        ws.send(JSON.stringify({ id, channel, payload }));
      });
    },
    subscribe: (listener) => eventArrived.event(({ channel, payload }) => listener(channel, payload)),
    onConnectionChange(listener) {
      const stop = stateChanged.event(listener);
      listener(state);
      return stop;
    },
  };
}
