import { consoleError, fail, ok, type Result } from '../../../shared/errors';

/** The setting's name in every message: the environment variable that turns the Redis runner on. */
export const redisUrlSetting = 'CXONE_REDIS_URL';

export interface RedisUrl {
  /** The URL as given (it may carry a password: never log or show it; use `display`). */
  url: string;
  /** Scheme, host and port only, for messages and the screen. */
  display: string;
  /** Set for plain redis:// to another computer: the password and the automation's traffic travel unencrypted. */
  warning?: string;
}

const isLoopbackHost = (host: string) => host === 'localhost' || host === '[::1]' || /^127(?:\.\d{1,3}){3}$/.test(host);

/**
 * Reads the Redis URL setting: `redis://[user:password@]host[:port][/db]` or `rediss://…` (TLS).
 * Empty or unset means "no Redis" (null): automation then uses the data-folder lease.
 */
export function parseRedisUrl(text: string | undefined, setting = redisUrlSetting): Result<RedisUrl | null> {
  const value = (text ?? '').trim();
  if (value === '') return ok(null);
  const refuse = (why: string) => fail(consoleError('configuration', `${setting} ${why}`, { target: setting }));
  if (/[\s\\\u0000-\u001f\u007f]/.test(value)) return refuse('must not contain spaces, backslashes or control characters.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse('must be a URL such as redis://localhost:6379 or rediss://user:password@redis.example.com:6380.');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    return refuse(`must start with redis:// or rediss:// (TLS); ${url.protocol.replace(/:$/, '')}: URLs are not Redis URLs.`);
  }
  if (url.hostname === '') return refuse('must name a host, as in redis://localhost:6379.');
  if (url.port !== '' && (Number(url.port) < 1 || Number(url.port) > 65535)) return refuse('has a port outside 1–65535.');
  const db = url.pathname.replace(/^\//, '');
  if (db !== '' && !/^\d{1,2}$/.test(db)) return refuse(`names database "${decodeURIComponent(db)}": the path must be a database number such as /0.`);
  if (url.search !== '' || url.hash !== '') return refuse('must not carry a query or fragment.');
  const display = `${url.protocol}//${url.host}${db === '' ? '' : `/${db}`}`;
  const warning =
    url.protocol === 'redis:' && !isLoopbackHost(url.hostname.toLowerCase())
      ? `${setting} uses plain redis:// to another computer: its password and the automation's jobs travel unencrypted; prefer rediss://.`
      : undefined;
  return ok(warning === undefined ? { url: value, display } : { url: value, display, warning });
}
