/**
 * The renderer's Content-Security-Policy: no eval, no inline script, no remote content.
 * The browser host additionally needs its own loopback WebSocket, on its own port only.
 */
export function contentSecurityPolicy(shell: 'electron' | 'web', bridgePort?: number): string {
  const connect =
    shell === 'web' && bridgePort !== undefined ? `connect-src 'self' ws://127.0.0.1:${bridgePort} ws://localhost:${bridgePort}` : "connect-src 'self'";
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    connect,
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

const cspMeta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i;

/** The policy a built index.html declares in its meta tag, or null when it has none. */
export function metaContentSecurityPolicy(html: string): string | null {
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
  return match?.[1] ?? null;
}

/** A meta tag cannot carry frame-ancestors (browsers ignore it there and warn); the header does. */
export function metaPolicyOf(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .join('; ');
}

/** index.html with its CSP meta set to `policy` (the browser host serves its port-specific one). */
export function withContentSecurityPolicyMeta(html: string, policy: string): string {
  return html.replace(cspMeta, (_whole, before: string, after: string) => `${before}${metaPolicyOf(policy)}${after}`);
}
