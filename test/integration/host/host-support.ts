import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebHost, type WebHost } from '../../../electron/host/web-host';

export interface HostUnderTest {
  host: WebHost;
  dataDir: string;
  close(): Promise<void>;
}

/** The real browser host (services, demo tenant, bridge) over a tiny renderer folder. */
export async function startHostUnderTest(): Promise<HostUnderTest> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cxone-host-data-'));
  const rendererDir = mkdtempSync(join(tmpdir(), 'cxone-host-renderer-'));
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; connect-src \'self\'" /></head><body>console</body></html>',
  );
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'export {};');
  const host = await startWebHost({
    dataDir,
    rendererDir,
    version: 'test',
    demoTenant: { dialerTickMs: 0, latencyMs: 0 },
    environment: {},
  });
  return {
    host,
    dataDir,
    async close() {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(rendererDir, { recursive: true, force: true });
    },
  };
}

/** A GET with a raw (unnormalised) path; resolves the status, or 0 when the connection dropped. */
export function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const outgoing = request({ host: '127.0.0.1', port, path, method: 'GET', headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', () => resolve({ status: 0, body }));
    });
    outgoing.on('error', () => resolve({ status: 0, body: '' }));
    outgoing.end();
  });
}

/** Opens the bridge by hand so a test can write arbitrary bytes as WebSocket frames. */
export function rawBridgeSocket(port: number, origin: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(
        [
          `GET /bridge?token=${encodeURIComponent(token)} HTTP/1.1`,
          `Host: 127.0.0.1:${port}`,
          `Origin: ${origin}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
    });
    let head = '';
    const onData = (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (!head.includes('\r\n\r\n')) return;
      socket.off('data', onData);
      if (head.startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`handshake refused: ${head.split('\r\n')[0]}`));
    };
    socket.on('data', onData);
  });
}

/** A masked client frame (clients must mask) with the given opcode and payload. */
export function clientFrame(opcode: number, payload: Buffer, fin = true, declaredLength?: number): Buffer {
  const length = declaredLength ?? payload.length;
  const mask = Buffer.from([0x12, 0x34, 0x56, 0x78]);
  let header: Buffer;
  if (length < 126) header = Buffer.from([(fin ? 0x80 : 0) | opcode, 0x80 | length]);
  else if (length < 65536) {
    header = Buffer.alloc(4);
    header[0] = (fin ? 0x80 : 0) | opcode;
    header[1] = 0x80 | 126;
    header.writeUInt16BE(length, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = (fin ? 0x80 : 0) | opcode;
    header[1] = 0x80 | 127;
    header.writeBigUInt64BE(BigInt(length), 2);
  }
  const masked = Buffer.from(payload.map((byte, i) => byte ^ (mask[i % 4] ?? 0)));
  return Buffer.concat([header, mask, masked]);
}

/** Resolves once the server closed (or reset) the socket. */
export function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.on('error', () => undefined);
    socket.once('close', () => resolve());
    // Only a socket that is read sees the server's end, and closes.
    socket.resume();
  });
}
