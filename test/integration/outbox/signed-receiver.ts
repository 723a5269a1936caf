import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signatureMatches } from '../../../electron/outbox/signature';

export interface ReceivedPost {
  idempotencyKey: string;
  body: string;
  signatureValid: boolean;
}

/** How the receiver answers one POST: a status (with headers), a dropped connection, or no answer at all. */
export type Answer = { status: number; headers?: Record<string, string> } | 'drop' | 'hang';

/**
 * A webhook receiver on 127.0.0.1 as a CRM/WFM/marketing system would run it: checks the
 * HMAC signature of the raw body and drops copies by X-Idempotency-Key. `answer` decides,
 * per POST, how it responds (called with how many POSTs it has seen for that key so far).
 */
export async function startSignedReceiver(secret: string, answer: (post: ReceivedPost, seenForKey: number) => Answer = () => ({ status: 200 })) {
  const received: ReceivedPost[] = [];
  const accepted = new Map<string, string>();
  const hanging = new Set<ServerResponse>();

  const readBody = (request: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      request.on('error', reject);
    });

  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const idempotencyKey = String(request.headers['x-idempotency-key'] ?? '');
    const post = { idempotencyKey, body, signatureValid: signatureMatches(secret, body, request.headers['x-signature'] as string | undefined) };
    const seenForKey = received.filter((earlier) => earlier.idempotencyKey === idempotencyKey).length;
    received.push(post);
    const reply = answer(post, seenForKey);
    if (reply === 'drop') {
      request.socket.destroy();
      return;
    }
    if (reply === 'hang') {
      hanging.add(response);
      return;
    }
    if (reply.status >= 200 && reply.status < 300 && post.signatureValid && !accepted.has(idempotencyKey)) accepted.set(idempotencyKey, body);
    response.writeHead(reply.status, { 'content-type': 'text/plain', ...reply.headers });
    response.end(reply.status < 300 ? 'ok' : `refused ${reply.status}`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    /** Messages taken in, once each, after dropping copies by idempotency key. */
    accepted,
    postsFor: (key: string) => received.filter((post) => post.idempotencyKey === key).length,
    async close() {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type SignedReceiver = Awaited<ReturnType<typeof startSignedReceiver>>;
