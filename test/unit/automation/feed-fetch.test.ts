import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeedFetch } from '../../../electron/automation/feed-fetch';
import { ConsoleFailure, type ConsoleError } from '../../../shared/errors';

// A real local server: the feed's answers as a remote one would send them.
describe('reading an external feed', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/ok') return response.end(JSON.stringify({ features: [] }));
      if (request.url === '/big') return response.end(JSON.stringify({ padding: 'x'.repeat(5000) }));
      if (request.url === '/html') return response.end('<html>maintenance</html>');
      if (request.url === '/down') return response.writeHead(503).end();
      if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 2000);
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const failure = async (promise: Promise<unknown>): Promise<ConsoleError> => {
    const thrown = await promise.then(
      () => null,
      (error: unknown) => error,
    );
    expect(thrown).toBeInstanceOf(ConsoleFailure);
    return (thrown as ConsoleFailure).error;
  };
  const signal = () => new AbortController().signal;
  const fetchJson = createFeedFetch({ setting: 'Alerts feed URL', maxBytes: 1024, timeoutMs: 10_000 });
  const impatient = createFeedFetch({ setting: 'Alerts feed URL', timeoutMs: 100 });

  it('reads JSON', async () => {
    expect(await fetchJson(`${base}/ok`, signal())).toEqual({ features: [] });
  });

  it('refuses a URL the URL setting rules refuse, naming the setting', async () => {
    const error = await failure(fetchJson('http://alerts.example.com/feed', signal()));
    expect(error).toMatchObject({ kind: 'configuration', target: 'Alerts feed URL' });
    expect(error.message).toContain('Alerts feed URL must use https://');
  });

  it('says what is wrong with an answer: too large, not JSON, an HTTP error, too slow', async () => {
    expect((await failure(fetchJson(`${base}/big`, signal()))).message).toContain('more than 1 KB');
    expect(await failure(fetchJson(`${base}/html`, signal()))).toMatchObject({ kind: 'invalid_response' });
    expect(await failure(fetchJson(`${base}/down`, signal()))).toMatchObject({ kind: 'server', status: 503 });
    expect(await failure(impatient(`${base}/slow`, signal()))).toMatchObject({ kind: 'timeout' });
  });
});
