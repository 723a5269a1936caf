import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { connect } from 'node:net';
import { createPrng } from '../../../electron/demo-tenant/prng';
import { clientFrame, closed, rawBridgeSocket, rawGet, startHostUnderTest, type HostUnderTest } from './host-support';

/** The demo tenant's seeded generator, so a failing fuzz case can be replayed. */
function seeded(seed: number) {
  const prng = createPrng(seed);
  return { next: prng.next, int: (max: number) => prng.int(0, max - 1), pick: prng.pick };
}

async function appInfo(port: number, origin: string, token: string): Promise<unknown> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${encodeURIComponent(token)}`, { headers: { Origin: origin } });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const answer = await new Promise<unknown>((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { id?: number; reply?: unknown };
      if (message.id === 7) resolve(message.reply);
    });
    ws.send(JSON.stringify({ id: 7, channel: 'app:info', payload: {} }));
  });
  ws.close();
  return answer;
}

describe('the browser host survives whatever arrives', () => {
  let subject: HostUnderTest;
  let port: number;
  let origin: string;
  let token: string;
  beforeAll(async () => {
    subject = await startHostUnderTest();
    ({ port, origin, token } = subject.host.bridge);
  });
  afterAll(async () => {
    await subject?.close();
  });

  it('answers 400 to a malformed percent escape, without the token, and keeps serving', async () => {
    expect((await rawGet(port, '/%E0%A4%A')).status).toBe(400);
    expect((await rawGet(port, '/%')).status).toBe(400);
    expect((await rawGet(port, '/')).status).toBe(200);
  });

  it('serves index.html with a policy that allows its own bridge port only', async () => {
    const { body } = await rawGet(port, '/');
    expect(body).toContain(`connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`);
    expect(body).not.toContain(':*');
  });

  it('closes only the client that sent a 50 MB message; others keep working', async () => {
    const bystander = await rawBridgeSocket(port, origin, token);
    const ws = new WebSocket(`ws://127.0.0.1:${port}/bridge?token=${encodeURIComponent(token)}`, { headers: { Origin: origin } });
    await new Promise<void>((resolve) => ws.once('open', () => resolve()));
    const code = new Promise<number>((resolve) => ws.once('close', (closeCode) => resolve(closeCode)));
    ws.on('error', () => undefined);
    ws.send(Buffer.alloc(50 * 1024 * 1024, 0x61));
    expect(await code).toBe(1009);
    expect(bystander.destroyed).toBe(false);
    bystander.destroy();
    expect(await appInfo(port, origin, token)).toMatchObject({ ok: true });
  });

  it('closes a client that sends invalid UTF-8 text, and still answers', async () => {
    const socket = await rawBridgeSocket(port, origin, token);
    const gone = closed(socket);
    socket.write(clientFrame(0x1, Buffer.from([0xc3, 0x28, 0xff, 0xfe])));
    await gone;
    expect(await appInfo(port, origin, token)).toMatchObject({ ok: true });
  });

  it('a connection reset mid-request does not end the host', async () => {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    socket.resetAndDestroy();
    const upgrade = await rawBridgeSocket(port, origin, token);
    upgrade.write(clientFrame(0x1, Buffer.from('{"id":1,'), false));
    upgrade.resetAndDestroy();
    expect(await appInfo(port, origin, token)).toMatchObject({ ok: true });
  });

  it('fuzz: thousands of random paths, headers and frames, and the host still answers', async () => {
    const random = seeded(20261201);
    const alphabet = ['%', '%E0', '%A4', '%A', '%00', '%2e%2e', '..', '/', '\\', '?', '#', 'a', 'é', '%ZZ', '%C0%AF', '\u0000', ';', '*'];
    const statuses = new Map<number, number>();
    for (let i = 0; i < 2000; i += 1) {
      let path = '/';
      const parts = 1 + random.int(8);
      for (let p = 0; p < parts; p += 1) path += random.pick(alphabet);
      const headers: Record<string, string> = {};
      if (random.next() < 0.3) headers.host = random.pick(['attacker.example', '', `localhost:${port}`, `127.0.0.1:${port + 1}`]);
      if (random.next() < 0.3) headers.origin = random.pick(['null', 'http://evil.example', origin]);
      if (random.next() < 0.2) headers.range = random.pick(['bytes=0-', 'bytes=-1', 'bytes=9999999999-', 'nonsense']);
      // The client refuses control characters in paths; those go through the raw socket below.
      const safePath = path.replace(/[\u0000-\u001f\u007f-\uffff]/g, (c) => encodeURIComponent(c));
      const { status } = await rawGet(port, safePath, headers);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    // No request made the server drop the connection instead of answering.
    expect(statuses.get(0) ?? 0).toBe(0);
    for (const status of statuses.keys()) expect([200, 400, 403, 404, 421]).toContain(status);

    for (let i = 0; i < 300; i += 1) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const junk = Buffer.from(Array.from({ length: 1 + random.int(400) }, () => random.int(256)));
      const sent = random.next() < 0.5 ? Buffer.concat([Buffer.from('GET /'), junk, Buffer.from(' HTTP/1.1\r\n\r\n')]) : junk;
      socket.end(sent);
      await closed(socket);
    }

    for (let i = 0; i < 400; i += 1) {
      const socket = await rawBridgeSocket(port, origin, token);
      socket.on('error', () => undefined);
      const opcode = random.pick([0x0, 0x1, 0x2, 0x3, 0x8, 0x9, 0xa, 0xb, 0xf]);
      const payload = Buffer.from(Array.from({ length: random.int(300) }, () => random.int(256)));
      const frame =
        random.next() < 0.2 ? clientFrame(opcode, payload, random.next() < 0.5, 9 * 1024 * 1024) : clientFrame(opcode, payload, random.next() < 0.8);
      socket.write(random.next() < 0.2 ? frame.subarray(0, random.int(frame.length)) : frame);
      socket.end();
      await closed(socket);
    }
    expect(await appInfo(port, origin, token)).toMatchObject({ ok: true });
    expect((await rawGet(port, '/')).status).toBe(200);
  });
});
