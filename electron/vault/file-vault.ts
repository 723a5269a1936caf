import { chmodSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { knownSecrets } from '../security/known-secrets';
import type { CredentialVault } from './credential-vault';

const vaultFileSchema = z.record(z.string(), z.string());

export interface SecretCodec {
  encode(secret: string): string;
  decode(stored: string): string;
}

const plainCodec: SecretCodec = { encode: (s) => s, decode: (s) => s };

/**
 * Secrets in one file readable only by the user (0600). Electron passes a codec backed
 * by safeStorage so the file holds ciphertext; headless hosts rely on the file mode.
 * `environment` maps refs to values that win over the file (CXONE_CLIENT_SECRET).
 */
export function createFileVault(path: string, options: { codec?: SecretCodec; environment?: Record<string, string | undefined> } = {}): CredentialVault {
  const codec = options.codec ?? plainCodec;
  const environment = options.environment ?? {};
  const readAll = (): Record<string, string> => {
    try {
      const parsed = vaultFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  };
  const writeAll = (data: Record<string, string>) => {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data), { mode: 0o600 });
    chmodSync(temporary, 0o600);
    renameSync(temporary, path);
  };
  return {
    // Every value read or written is remembered, so no reply or log line can carry it.
    async get(ref) {
      const fromEnvironment = environment[ref];
      if (fromEnvironment) {
        knownSecrets.remember(fromEnvironment);
        return fromEnvironment;
      }
      const stored = readAll()[ref];
      const secret = stored === undefined ? null : codec.decode(stored);
      knownSecrets.remember(secret);
      return secret;
    },
    async set(ref, secret) {
      knownSecrets.remember(secret);
      writeAll({ ...readAll(), [ref]: codec.encode(secret) });
    },
    async delete(ref) {
      const { [ref]: _removed, ...rest } = readAll();
      writeAll(rest);
    },
    async has(ref) {
      return Boolean(environment[ref]) || readAll()[ref] !== undefined;
    },
  };
}
