import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConsoleServices, type ConsoleServices } from '../../../electron/app/console-services';
import { dispatchRequest } from '../../../electron/ipc/dispatch';
import { createJsonFileStore } from '../../../electron/settings/json-file-store';
import { createFileVault } from '../../../electron/vault/file-vault';
import type { ReplyEnvelope } from '../../../shared/ipc/envelope';

export interface ServicesUnderTest {
  services: ConsoleServices;
  dataDir: string;
  /** Every event the services pushed, as JSON text. */
  events: string[];
  call(channel: string, payload: unknown): Promise<ReplyEnvelope>;
  auditText(): string;
  close(): Promise<void>;
}

export async function startServices(options: { shell?: 'web' | 'electron'; pickFile?: () => Promise<string | null> } = {}): Promise<ServicesUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxone-security-'));
  const services = await createConsoleServices({
    shell: options.shell ?? 'web',
    ...(options.pickFile ? { pickFile: options.pickFile } : {}),
    version: 'test',
    dataDir,
    store: createJsonFileStore(join(dataDir, 'settings.json')),
    vault: createFileVault(join(dataDir, 'secrets.json')),
    demoTenant: { dialerTickMs: 0, latencyMs: 0 },
  });
  const events: string[] = [];
  const off = services.events.subscribe((channel, payload) => events.push(JSON.stringify({ channel, payload })));
  return {
    services,
    dataDir,
    events,
    call: (channel, payload) => dispatchRequest(services.handlers, channel, payload),
    auditText: () =>
      readdirSync(join(dataDir, 'audit'))
        .filter((name) => name.endsWith('.jsonl'))
        .map((name) => readFileSync(join(dataDir, 'audit', name), 'utf8'))
        .join(''),
    async close() {
      off();
      await services.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface EchoServer {
  url: string;
  /** Requests that reached it, as `METHOD path`. */
  seen: string[];
  close(): Promise<void>;
}

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
  });

/**
 * A hostile tenant on loopback: every error answer echoes the whole request (form body,
 * Authorization header, URL) inside the contract's error shape. `tokens: 'grant'` hands out
 * a token first, so API calls carry one to echo.
 */
export async function startEchoingTenant(tokens: 'refuse' | 'grant'): Promise<EchoServer> {
  const seen: string[] = [];
  const server: Server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    seen.push(`${request.method} ${request.url}`);
    if (tokens === 'grant' && request.url?.endsWith('/oauth2/token')) {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ access_token: 'echo-token-0123456789abcdef', token_type: 'Bearer', expires_in: 3600 }));
      return;
    }
    const echo = `you sent ${request.method} ${request.url} authorization=${request.headers.authorization ?? ''} body=${body} decoded=${decodeURIComponent(body.replace(/\+/g, ' '))}`;
    response
      .writeHead(request.method === 'POST' ? 500 : 400, { 'content-type': 'application/json' })
      .end(JSON.stringify({ errors: [{ code: 'ECHO', message: echo, path: echo }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
