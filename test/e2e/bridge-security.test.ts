import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, get } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { openConsole, type ConsoleInBrowser } from './support/console-browser';

/** Opens a WebSocket to the bridge and reports the HTTP status it was refused with, or 101. */
function handshake(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', reject);
  });
}

describe('browser host bridge', () => {
  let console_: ConsoleInBrowser;
  beforeAll(async () => {
    console_ = await openConsole();
  });
  afterAll(async () => {
    await console_?.close();
  });

  const bridgeUrl = (token: string) => `ws://127.0.0.1:${console_.host.bridge.port}/bridge?token=${encodeURIComponent(token)}`;

  it('accepts the per-launch token from the app origin', async () => {
    expect(await handshake(bridgeUrl(console_.host.bridge.token), { Origin: console_.host.bridge.origin })).toBe(101);
  });

  it('rejects a wrong token', async () => {
    expect(await handshake(bridgeUrl('not-the-token'), { Origin: console_.host.bridge.origin })).toBe(401);
  });

  it('rejects a foreign Origin even with the right token', async () => {
    expect(await handshake(bridgeUrl(console_.host.bridge.token), { Origin: 'http://evil.example' })).toBe(403);
  });

  it('rejects a rebinding Host name', async () => {
    expect(
      await handshake(bridgeUrl(console_.host.bridge.token), { Origin: console_.host.bridge.origin, Host: `attacker.example:${console_.host.bridge.port}` }),
    ).toBe(421);
    const status = await new Promise<number>((resolve, reject) => {
      const request = get({ host: '127.0.0.1', port: console_.host.bridge.port, path: '/', headers: { Host: 'attacker.example' } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(status).toBe(421);
  });

  it('listens on loopback only', () => {
    expect(console_.host.bridge.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('a page on another origin cannot drive the console through the bridge', async () => {
    const { context, host } = console_;
    // A page served from another loopback port: another origin, as a malicious local site would be.
    const foreignSite = createServer((_request, response) => response.end('<!doctype html><title>elsewhere</title>'));
    await new Promise<void>((resolve) => foreignSite.listen(0, '127.0.0.1', resolve));
    const port = (foreignSite.address() as AddressInfo).port;
    const foreign = await context.newPage();
    await foreign.goto(`http://127.0.0.1:${port}/`);
    const bridgeUrl = `ws://127.0.0.1:${host.bridge.port}/bridge?token=${host.bridge.token}`;
    // A string, not a function: the test file's own imports must not leak into the page.
    const outcome = await foreign.evaluate(`new Promise((resolve) => {
      const socket = new WebSocket(${JSON.stringify(bridgeUrl)});
      socket.onopen = () => resolve('open');
      socket.onerror = () => resolve('refused');
    })`);
    foreignSite.close();
    expect(outcome).toBe('refused');
    await foreign.close();
  });
});
