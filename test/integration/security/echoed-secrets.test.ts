import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/host/cli/cli';
import { secretForms } from '../../../electron/security/known-secrets';
import { capturedIo } from '../cli/cli-io';
import { startEchoingTenant, startServices, type EchoServer, type ServicesUnderTest } from './security-support';

// Characters that change under form and JSON encoding, so every echoed form is tried.
const secret = 'Echo+Secret/Value=42 "quoted" & more';

function expectNoSecret(text: string, what: string, value = secret) {
  for (const form of secretForms(value)) expect(text, `${what} carries the secret as ${form}`).not.toContain(form);
}

describe('no secret leaves the console even when the tenant echoes it back', () => {
  let subject: ServicesUnderTest | null = null;
  let echo: EchoServer | null = null;
  afterEach(async () => {
    await subject?.close();
    await echo?.close();
    subject = echo = null;
  });

  it('a token endpoint that echoes the form in a 500: not in the connect reply, the status, events, request log or audit', async () => {
    subject = await startServices();
    echo = await startEchoingTenant('refuse');
    const reply = await subject.call('tenant:connect', { label: 'Echo', apiBaseUrl: echo.url, clientId: 'echo-client', clientSecret: secret });
    expect(reply.ok).toBe(false);
    expect(JSON.stringify(reply)).toContain('[redacted]');
    expectNoSecret(JSON.stringify(reply), 'tenant:connect reply');
    expectNoSecret(JSON.stringify(await subject.call('tenant:status', {})), 'tenant:status reply');
    expectNoSecret(JSON.stringify(await subject.call('tenant:requestLog', { limit: 1000 })), 'request log');
    expectNoSecret(subject.events.join('\n'), 'events');
    expectNoSecret(subject.auditText(), 'audit');
  });

  it('an API that echoes the Authorization header: the access token is not in any reply', async () => {
    subject = await startServices();
    echo = await startEchoingTenant('grant');
    const reply = await subject.call('tenant:connect', { label: 'Echo', apiBaseUrl: echo.url, clientId: 'echo-client', clientSecret: secret });
    expect(reply.ok).toBe(false);
    expect(echo.seen.some((line) => line.startsWith('GET'))).toBe(true);
    for (const text of [JSON.stringify(reply), subject.events.join('\n'), subject.auditText()]) {
      expectNoSecret(text, 'reply', 'echo-token-0123456789abcdef');
      expectNoSecret(text, 'reply');
    }
  });

  it("the command line's stderr does not carry an echoed secret", async () => {
    echo = await startEchoingTenant('refuse');
    const terminal = capturedIo({ CXONE_BASE_URL: echo.url, CXONE_CLIENT_ID: 'echo-client', CXONE_CLIENT_SECRET: secret });
    expect(await runCli(['campaigns', 'list'], terminal.io)).not.toBe(0);
    expect(terminal.stderr()).toContain('[redacted]');
    expectNoSecret(terminal.stderr() + terminal.stdout(), 'CLI output');
  });
});
