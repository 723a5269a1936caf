import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { savedTokenFile, type TokenBinding } from '../../../electron/tenant/saved-token';

const binding: TokenBinding = { tokenUrl: 'https://tenant.example/oauth2/token', clientId: 'console', scopes: ['b:read', 'a:write'] };
const secret = 'the-client-secret-0123456789';
const saved = { token: 'bearer-token-abcdef-0123456789', freshUntil: 1_900_000_000_000 };

describe('savedTokenFile', () => {
  let folder: string;
  beforeEach(() => {
    folder = join(mkdtempSync(join(tmpdir(), 'cxone-saved-token-')), 'tokens');
  });
  afterEach(() => {
    rmSync(join(folder, '..'), { recursive: true, force: true });
  });

  const onlyFile = () => {
    const [name, ...others] = readdirSync(folder);
    expect(others).toEqual([]);
    return join(folder, name ?? '');
  };

  it('gives back what was saved, to the same secret and client', () => {
    savedTokenFile(folder, binding).write(secret, saved);
    expect(savedTokenFile(folder, binding).read(secret)).toEqual(saved);
    // The order scopes are named in does not make another client.
    expect(savedTokenFile(folder, { ...binding, scopes: ['a:write', 'b:read'] }).read(secret)).toEqual(saved);
  });

  it('keeps neither the token nor the secret readable, in a file and folder only the user may open', () => {
    savedTokenFile(folder, binding).write(secret, saved);
    const path = onlyFile();
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(saved.token);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(binding.clientId);
    if (process.platform !== 'win32') {
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(statSync(folder).mode & 0o777).toBe(0o700);
    }
  });

  it('finds nothing with another secret (a rotated one) or for another client, URL or scope set', () => {
    savedTokenFile(folder, binding).write(secret, saved);
    expect(savedTokenFile(folder, binding).read('another-secret')).toBeNull();
    expect(savedTokenFile(folder, { ...binding, clientId: 'other' }).read(secret)).toBeNull();
    expect(savedTokenFile(folder, { ...binding, tokenUrl: 'https://elsewhere.example/oauth2/token' }).read(secret)).toBeNull();
    expect(savedTokenFile(folder, { ...binding, scopes: ['a:write'] }).read(secret)).toBeNull();
  });

  it('refuses a file someone changed: the sealed token, its tag, a tag cut short, or not JSON at all', () => {
    const store = savedTokenFile(folder, binding);
    store.write(secret, saved);
    const path = onlyFile();
    const original = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
    const flipFirstByte = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] = (bytes[0] ?? 0) ^ 0xff;
      return bytes.toString('base64');
    };
    const variants = [
      { ...original, data: flipFirstByte(original.data ?? '') },
      { ...original, tag: flipFirstByte(original.tag ?? '') },
      {
        ...original,
        tag: Buffer.from(original.tag ?? '', 'base64')
          .subarray(0, 4)
          .toString('base64'),
      },
      { ...original, v: 2 },
    ];
    for (const variant of variants) {
      writeFileSync(path, JSON.stringify(variant));
      expect(store.read(secret)).toBeNull();
    }
    writeFileSync(path, 'not json');
    expect(store.read(secret)).toBeNull();
  });

  it('forgets: the next read finds nothing, and forgetting nothing is no error', () => {
    const store = savedTokenFile(folder, binding);
    store.write(secret, saved);
    store.forget();
    expect(store.read(secret)).toBeNull();
    expect(() => store.forget()).not.toThrow();
  });

  it('a folder that cannot be made costs a sign-in, never an error', () => {
    // A file where the folder should be: refused to every user, root included.
    writeFileSync(folder, 'in the way');
    expect(() => savedTokenFile(folder, binding).write(secret, saved)).not.toThrow();
    expect(savedTokenFile(folder, binding).read(secret)).toBeNull();
    expect(() => savedTokenFile(folder, binding).forget()).not.toThrow();
  });
});
