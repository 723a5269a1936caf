import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/host/cli/cli';
import { capturedIo } from './cli-io';

describe('cxone-console demo-tenant', () => {
  it('prints exactly one JSON line with URL and credentials, serves until stopped, then exits 0', async () => {
    const terminal = capturedIo();
    const exit = runCli(['demo-tenant', '--seed', '9', '--json'], terminal.io);
    await terminal.waitForOutput('\n');
    const described = JSON.parse(terminal.stdout()) as Record<string, string>;
    expect(Object.keys(described).sort()).toEqual(['clientId', 'clientSecret', 'tokenUrl', 'url']);

    const terminalForList = capturedIo({ CXONE_BASE_URL: described.url, CXONE_CLIENT_ID: described.clientId, CXONE_CLIENT_SECRET: described.clientSecret });
    expect(await runCli(['campaigns', 'list', '--json'], terminalForList.io)).toBe(0);
    expect((JSON.parse(terminalForList.stdout()) as unknown[]).length).toBeGreaterThan(0);

    terminal.pressCtrlC();
    expect(await exit).toBe(0);
    expect(terminal.stdout().trim().split('\n')).toHaveLength(1);
    await expect(fetch(`${described.url}/api/v2/outbound/campaigns`)).rejects.toThrow();
  });

  it('prints the URL, token URL and demo credentials for people', async () => {
    const terminal = capturedIo();
    const exit = runCli(['demo-tenant', '--rate-limit', '50', '--latency-ms', '1'], terminal.io);
    await terminal.waitForOutput('Press Ctrl+C');
    expect(terminal.stdout()).toMatch(/URL\s+http:\/\/127\.0\.0\.1:\d+/);
    expect(terminal.stdout()).toMatch(/Token URL\s+http:\/\/127\.0\.0\.1:\d+\/oauth2\/token/);
    expect(terminal.stdout()).toContain('Client secret');
    terminal.pressCtrlC();
    expect(await exit).toBe(0);
    expect(terminal.stdout()).toContain('Demo tenant stopped.');
  });

  it('exits 2 on an invalid option value', async () => {
    const terminal = capturedIo();
    expect(await runCli(['demo-tenant', '--fault-rate', '3'], terminal.io)).toBe(2);
    expect(terminal.stderr()).toContain('--fault-rate');
  });
});

describe('cxone-console demo-tenant --kind admin-api', () => {
  it('prints one JSON line with issuer, access key and API version, and the issuer answers discovery', async () => {
    const terminal = capturedIo();
    const exit = runCli(['demo-tenant', '--kind', 'admin-api', '--seed', '3', '--json'], terminal.io);
    await terminal.waitForOutput('\n');
    const described = JSON.parse(terminal.stdout()) as Record<string, string>;
    expect(Object.keys(described).sort()).toEqual(['accessKeyId', 'accessKeySecret', 'apiVersion', 'issuer']);
    const openId = (await (await fetch(`${described.issuer}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
    expect(openId.token_endpoint).toBe(`${described.issuer}/auth/token`);
    terminal.pressCtrlC();
    expect(await exit).toBe(0);
    expect(terminal.stdout().trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for an unknown kind and for contract-only options', async () => {
    const unknown = capturedIo();
    expect(await runCli(['demo-tenant', '--kind', 'genesys'], unknown.io)).toBe(2);
    expect(unknown.stderr()).toContain('--kind');
    const contractOnly = capturedIo();
    expect(await runCli(['demo-tenant', '--kind', 'admin-api', '--fault-rate', '0.1'], contractOnly.io)).toBe(2);
    expect(contractOnly.stderr()).toContain('--fault-rate');
  });
});
