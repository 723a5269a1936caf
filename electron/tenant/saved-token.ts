import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';

/** A bearer token and until when it may be used (the contract's margin already taken off). */
export interface SavedToken {
  token: string;
  freshUntil: number;
}

/**
 * Where a token source keeps its token between processes: the command line starts a new one
 * for every command, and the emergency pause should not wait for a sign-in the last command
 * already did. Nothing here may fail a command: a file that cannot be read or written is a
 * token request, nothing more.
 */
export interface SavedTokenStore {
  /** The saved token, when it was saved with this secret for this client and is still whole. */
  read(secret: string): SavedToken | null;
  write(secret: string, saved: SavedToken): void;
  /** The tenant refused the saved token (or it was never good): the next read finds nothing. */
  forget(): void;
}

/** Which client a token was issued to: a token is never used for another URL, client or set of scopes. */
export interface TokenBinding {
  tokenUrl: string;
  clientId: string;
  scopes: readonly string[];
}

const format = 'cxone-console saved token v1';

const sealedSchema = z.object({ v: z.literal(1), salt: z.base64(), iv: z.base64(), tag: z.base64(), data: z.base64() });
const savedSchema = z.object({ token: z.string().min(1), freshUntil: z.number() });

const bindingText = (binding: TokenBinding) => [binding.tokenUrl, binding.clientId, [...binding.scopes].sort().join(' ')].join('\n');

/**
 * One file per client in `folder`, readable by the user alone, the token sealed with AES-256-GCM
 * under a key derived (HKDF-SHA256) from the client secret, the client named as associated data.
 * Whoever can read the file but does not hold the secret learns nothing usable; whoever holds the
 * secret could sign in anyway. A new secret makes the old file unreadable, so it is never used.
 */
export function savedTokenFile(folder: string, binding: TokenBinding): SavedTokenStore {
  const associated = Buffer.from(bindingText(binding), 'utf8');
  const path = join(folder, `${createHash('sha256').update(associated).digest('hex').slice(0, 32)}.json`);
  const keyOf = (secret: string, salt: Buffer) => Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), salt, format, 32));
  return {
    read(secret) {
      try {
        const sealed = sealedSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
        const decipher = createDecipheriv('aes-256-gcm', keyOf(secret, Buffer.from(sealed.salt, 'base64')), Buffer.from(sealed.iv, 'base64'), {
          // A shortened tag would make a forged file cheap to find.
          authTagLength: 16,
        });
        decipher.setAAD(associated);
        decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
        const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
        return savedSchema.parse(JSON.parse(plain));
      } catch {
        return null;
      }
    },
    write(secret, saved) {
      try {
        const salt = randomBytes(16);
        const iv = randomBytes(12);
        const cipher = createCipheriv('aes-256-gcm', keyOf(secret, salt), iv);
        cipher.setAAD(associated);
        const data = Buffer.concat([cipher.update(JSON.stringify(saved), 'utf8'), cipher.final()]);
        const body = JSON.stringify({
          v: 1,
          salt: salt.toString('base64'),
          iv: iv.toString('base64'),
          tag: cipher.getAuthTag().toString('base64'),
          data: data.toString('base64'),
        });
        mkdirSync(folder, { recursive: true, mode: 0o700 });
        const temporary = `${path}.${process.pid}.tmp`;
        writeFileSync(temporary, body, { mode: 0o600 });
        renameSync(temporary, path);
      } catch {
        // Not saved: the next command signs in again.
      }
    },
    forget() {
      try {
        rmSync(path, { force: true });
      } catch {
        // A file that cannot be removed is replaced by the next token written, or refused and forgotten again.
      }
    },
  };
}
