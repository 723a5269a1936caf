import { createReadStream, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { withContentSecurityPolicyMeta } from '../security/content-security-policy';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** The request's path, decoded; null when it is not a well-formed URL path (a bad percent escape). */
function decodedPath(url: string | undefined): string | null {
  try {
    return decodeURIComponent(new URL(url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return null;
  }
}

/**
 * GET-only static serving of the built renderer, confined to its folder. `policy` is
 * this host's Content-Security-Policy: sent as a header and written into index.html's meta,
 * which the build fills with the stricter Electron policy.
 */
export function serveStatic(root: string, request: IncomingMessage, response: ServerResponse, policy: string): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const pathname = decodedPath(request.url);
  if (pathname === null || pathname.includes('\0')) {
    response.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request: the path is not a valid URL path.');
    return;
  }
  const relative = normalize(pathname === '/' ? '/index.html' : pathname);
  const file = join(root, relative);
  if (!file.startsWith(normalize(root) + sep)) {
    response.writeHead(403).end();
    return;
  }
  let size: number;
  try {
    const stats = statSync(file);
    if (!stats.isFile()) throw new Error('not a file');
    size = stats.size;
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    return;
  }
  const headers = {
    'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
  if (extname(file) === '.html') {
    const html = Buffer.from(withContentSecurityPolicyMeta(readFileSync(file, 'utf8'), policy));
    response.writeHead(200, { ...headers, 'content-length': html.length });
    response.end(request.method === 'HEAD' ? undefined : html);
    return;
  }
  response.writeHead(200, { ...headers, 'content-length': size });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  const stream = createReadStream(file);
  // A file that vanishes or fails mid-read ends this response, not the host.
  stream.on('error', () => response.destroy());
  stream.pipe(response);
}
