import { describe, expect, it } from 'vitest';
import { parseRedisUrl } from '../../../electron/automation/redis/redis-url-setting';
import { createRedisTickCoordinator } from '../../../electron/automation/redis/bullmq-tick-coordinator';
import { ConsoleFailure } from '../../../shared/errors';

const problemOf = (text: string) => {
  const parsed = parseRedisUrl(text);
  return parsed.ok ? null : parsed.error.message;
};

describe('the CXONE_REDIS_URL setting', () => {
  it('means no Redis when empty or unset', () => {
    expect(parseRedisUrl(undefined)).toEqual({ ok: true, value: null });
    expect(parseRedisUrl('  ')).toEqual({ ok: true, value: null });
  });

  it('accepts redis:// and rediss:// with user, password, port and database, showing them without the password', () => {
    expect(parseRedisUrl('redis://localhost:6379')).toEqual({ ok: true, value: { url: 'redis://localhost:6379', display: 'redis://localhost:6379' } });
    const tls = parseRedisUrl('rediss://automation:s3cret@redis.example.com:6380/2');
    expect(tls).toEqual({ ok: true, value: { url: 'rediss://automation:s3cret@redis.example.com:6380/2', display: 'rediss://redis.example.com:6380/2' } });
  });

  it('warns about plain redis:// to another computer, never about loopback or TLS', () => {
    const remote = parseRedisUrl('redis://:pw@10.0.0.5:6379');
    expect(remote.ok && remote.value?.warning).toMatch(/CXONE_REDIS_URL uses plain redis:\/\/ to another computer.*rediss:\/\//);
    const loopback = parseRedisUrl('redis://127.0.0.1:6379');
    expect(loopback.ok && loopback.value?.warning).toBeUndefined();
  });

  it('refuses other schemes, missing hosts, odd databases and stray characters, naming the setting', () => {
    expect(problemOf('http://localhost:6379')).toBe('CXONE_REDIS_URL must start with redis:// or rediss:// (TLS); http: URLs are not Redis URLs.');
    expect(problemOf('localhost:6379')).toMatch(/^CXONE_REDIS_URL must start with redis:\/\//);
    expect(problemOf('redis://')).toMatch(/^CXONE_REDIS_URL must (name a host|be a URL)/);
    expect(problemOf('redis://localhost/queue')).toBe('CXONE_REDIS_URL names database "queue": the path must be a database number such as /0.');
    expect(problemOf('redis://local host:6379')).toBe('CXONE_REDIS_URL must not contain spaces, backslashes or control characters.');
    expect(problemOf('redis://localhost:6379?db=1')).toBe('CXONE_REDIS_URL must not carry a query or fragment.');
    const parsed = parseRedisUrl('ftp://x');
    expect(parsed.ok ? null : parsed.error).toMatchObject({ kind: 'configuration', target: 'CXONE_REDIS_URL' });
  });

  it('keeps the Redis runner from being built on a bad URL', () => {
    const build = () =>
      createRedisTickCoordinator({ redisUrl: 'https://redis.example.com', tenantKey: 't', holder: { kind: 'app', host: 'h', pid: 1, label: 'app' } });
    expect(build).toThrow(ConsoleFailure);
    expect(build).toThrow(/CXONE_REDIS_URL must start with redis:\/\//);
  });
});
