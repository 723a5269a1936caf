import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { SecretCodec } from './file-vault';

/** The part of Electron's safeStorage the vault uses (a port, so tests pass a fake). */
export interface OsEncryption {
  isEncryptionAvailable(): boolean;
  /** Linux only: 'basic_text' means no keyring, so Chromium's hard-coded key "encrypts". */
  getSelectedStorageBackend?(): string;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const acceptWeakSecretStoreVariable = 'CXONE_ACCEPT_WEAK_SECRET_STORE';

export function osEncryptionIsReal(encryption: OsEncryption, platform: NodeJS.Platform = process.platform): boolean {
  if (!encryption.isEncryptionAvailable()) return false;
  return !(platform === 'linux' && encryption.getSelectedStorageBackend?.() === 'basic_text');
}

/**
 * Secrets encrypted with the OS keychain. Where there is none (Linux without a keyring),
 * storing a secret is refused with a sentence saying what to do, unless the lead explicitly
 * accepted the weaker store (CXONE_ACCEPT_WEAK_SECRET_STORE=1).
 */
export function osEncryptionCodec(encryption: OsEncryption, options: { acceptWeakStore: boolean; platform?: NodeJS.Platform }): SecretCodec {
  return {
    encode(secret) {
      if (!osEncryptionIsReal(encryption, options.platform) && !options.acceptWeakStore) {
        throw new ConsoleFailure(
          consoleError(
            'configuration',
            `The operating system's keychain is not available (on Linux: no unlocked Secret Service keyring such as GNOME Keyring or KWallet), so the secret cannot be stored encrypted and was not stored. Unlock or install a keyring and try again, or start the console with ${acceptWeakSecretStoreVariable}=1 to accept a store that only the file's permissions protect.`,
            { target: 'vault' },
          ),
        );
      }
      return encryption.encryptString(secret).toString('base64');
    },
    decode: (stored) => encryption.decryptString(Buffer.from(stored, 'base64')),
  };
}
