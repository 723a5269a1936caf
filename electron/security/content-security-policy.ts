/**
 * The renderer's Content-Security-Policy: no eval, no inline script, no remote content.
 * The browser host additionally needs to open its loopback WebSocket.
 */
export function contentSecurityPolicy(shell: 'electron' | 'web'): string {
  const connect = shell === 'web' ? "connect-src 'self' ws://127.0.0.1:* ws://localhost:*" : "connect-src 'self'";
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
