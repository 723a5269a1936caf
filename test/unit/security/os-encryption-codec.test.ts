import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileVault } from '../../../electron/vault/file-vault';
import { osEncryptionCodec, type OsEncryption } from '../../../electron/vault/os-encryption-codec';

const fakeEncryption = (available: boolean, backend: string): OsEncryption => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend,
  encryptString: (text) => Buffer.from(`enc:${text}`),
  decryptString: (buffer) => buffer.toString().slice(4),
});

describe('the desktop vault without OS encryption', () => {
  const dirs: string[] = [];
  const vaultFile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-vault-'));
    dirs.push(dir);
    return join(dir, 'vault.json');
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to store a secret when encryption is unavailable, saying what to do, and writes nothing', async () => {
    const path = vaultFile();
    const vault = createFileVault(path, { codec: osEncryptionCodec(fakeEncryption(false, 'unknown'), { acceptWeakStore: false, platform: 'linux' }) });
    await expect(vault.set('t:clientSecret', 'very-secret-1')).rejects.toThrow(/keychain is not available.*CXONE_ACCEPT_WEAK_SECRET_STORE=1/);
    expect(() => readFileSync(path)).toThrow();
  });

  it("treats Linux's basic_text backend (a hard-coded key) as no encryption", async () => {
    const vault = createFileVault(vaultFile(), { codec: osEncryptionCodec(fakeEncryption(true, 'basic_text'), { acceptWeakStore: false, platform: 'linux' }) });
    await expect(vault.set('t:clientSecret', 'very-secret-1')).rejects.toThrow(/keychain is not available/);
  });

  it('stores it when the lead explicitly accepted the weaker store, and with a real keychain', async () => {
    const weak = createFileVault(vaultFile(), { codec: osEncryptionCodec(fakeEncryption(true, 'basic_text'), { acceptWeakStore: true, platform: 'linux' }) });
    await weak.set('t:clientSecret', 'very-secret-1');
    expect(await weak.get('t:clientSecret')).toBe('very-secret-1');
    const path = vaultFile();
    const real = createFileVault(path, { codec: osEncryptionCodec(fakeEncryption(true, 'gnome_libsecret'), { acceptWeakStore: false, platform: 'linux' }) });
    await real.set('t:clientSecret', 'very-secret-2');
    expect(readFileSync(path, 'utf8')).not.toContain('very-secret-2');
  });
});
