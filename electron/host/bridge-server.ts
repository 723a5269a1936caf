import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { consoleError } from '../../shared/errors';
import { bridgeRequestMessageSchema, dispatchRequest } from '../ipc/dispatch';
import type { EventBus, RequestHandlers } from '../ipc/handlers';
import { contentSecurityPolicy } from '../security/content-security-policy';
import { serveStatic } from './static-files';

export interface BridgeServerOptions {
  handlers: RequestHandlers;
  events: EventBus;
  /** The built renderer (out/renderer). */
  staticDir: string;
  port?: number;
  token?: string;
}

export interface BridgeServer {
  /** Open this in a browser: it carries the per-launch token in the fragment. */
  url: string;
  origin: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const bridgePath = '/bridge';

/**
 * Serves the renderer to a browser and speaks the IPC contract over a WebSocket.
 * Loopback only, random port, per-launch token, and Host/Origin checks so a web page
 * on another origin (or a DNS-rebinding name) cannot drive the console.
 */
export async function startBridgeServer(options: BridgeServerOptions): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  // Nothing a client sends may end the host: every socket and stream has an error handler.
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    else socket.destroy();
  });
  server.on('connection', (socket) => socket.on('error', () => socket.destroy()));
  sockets.on('error', () => undefined);

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    response.on('error', () => response.destroy());
    if (!allowedHosts().has(request.headers.host ?? '')) {
      response.writeHead(421, { 'content-type': 'text/plain' }).end('Misdirected request: unknown Host.');
      return;
    }
    try {
      serveStatic(options.staticDir, request, response, contentSecurityPolicy('web', port));
    } catch {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end();
    }
  });

  server.on('upgrade', (request, socket, head) => {
    socket.on('error', () => socket.destroy());
    const refuse = (status: number, reason: string) => {
      socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    let url: URL;
    try {
      url = new URL(request.url ?? '/', 'http://127.0.0.1');
    } catch {
      return refuse(400, 'Bad Request');
    }
    if (url.pathname !== bridgePath) return refuse(404, 'Not Found');
    if (!allowedHosts().has(request.headers.host ?? '')) return refuse(421, 'Misdirected Request');
    if (!allowedOrigins().has(request.headers.origin ?? '')) return refuse(403, 'Forbidden');
    if (!tokensEqual(url.searchParams.get('token') ?? '', token)) return refuse(401, 'Unauthorized');
    sockets.handleUpgrade(request, socket, head, (ws) => serveBridgeClient(ws, options));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  // After listening, a server error (too many open files on accept) must not end the host either.
  server.on('error', () => undefined);
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    port,
    token,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function tokensEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function serveBridgeClient(ws: WebSocket, options: BridgeServerOptions): void {
  const unsubscribe = options.events.subscribe((channel, payload) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event: channel, payload }));
  });
  ws.on('close', unsubscribe);
  // ws closes the connection itself (1007 bad UTF-8, 1009 too big, 1002 protocol); this one client goes, the host stays.
  ws.on('error', () => ws.terminate());
  ws.on('message', async (data) => {
    if (ws.readyState !== ws.OPEN) return;
    let message: unknown;
    try {
      message = JSON.parse(data.toString());
    } catch {
      ws.send(JSON.stringify({ id: -1, reply: { ok: false, error: consoleError('validation', 'Bridge message is not JSON.') } }));
      return;
    }
    const parsed = bridgeRequestMessageSchema.safeParse(message);
    if (!parsed.success) {
      ws.send(JSON.stringify({ id: -1, reply: { ok: false, error: consoleError('validation', 'Bridge message has no id or channel.') } }));
      return;
    }
    const reply = await dispatchRequest(options.handlers, parsed.data.channel, parsed.data.payload);
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: parsed.data.id, reply }));
  });
}
