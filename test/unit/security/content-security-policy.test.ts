import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  metaContentSecurityPolicy,
  metaPolicyOf,
  withContentSecurityPolicyMeta,
} from '../../../electron/security/content-security-policy';

describe('content security policy', () => {
  it('the renderer index.html (what Electron loads from file://) carries the Electron policy, not the web one', () => {
    const meta = metaContentSecurityPolicy(readFileSync('renderer/index.html', 'utf8'));
    expect(meta).toBe(metaPolicyOf(contentSecurityPolicy('electron')));
    expect(meta).not.toContain('ws:');
  });

  it('the browser host allows its own bridge port only', () => {
    const policy = contentSecurityPolicy('web', 43123);
    expect(policy).toContain("connect-src 'self' ws://127.0.0.1:43123 ws://localhost:43123");
    expect(policy).not.toContain(':*');
  });

  it('rewrites the meta of a served index.html to the host policy', () => {
    const html = '<head><meta http-equiv="Content-Security-Policy" content="connect-src \'self\'" /></head>';
    const served = withContentSecurityPolicyMeta(html, contentSecurityPolicy('web', 5000));
    expect(metaContentSecurityPolicy(served)).toBe(metaPolicyOf(contentSecurityPolicy('web', 5000)));
  });
});
