import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { emergencyRunSchema, type EmergencyRun } from '../../shared/campaigns/status-change';

const pausedEntrySchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  pausedAt: z.string(),
  /** The version the tenant gave the campaign when the emergency pause stopped it. */
  version: z.number().int(),
});
export type PausedByEmergency = z.infer<typeof pausedEntrySchema>;

const recordSchema = z.object({
  tenantId: z.string().nullable(),
  paused: z.array(pausedEntrySchema),
  lastRun: emergencyRunSchema.nullable(),
});
export type EmergencyRecordData = z.infer<typeof recordSchema>;

/**
 * Which campaigns the emergency pause stopped, on disk before the pause is reported
 * done, so "resume what the emergency pause stopped" works after a crash or restart.
 */
export interface EmergencyRecord {
  read(): EmergencyRecordData;
  write(data: EmergencyRecordData): void;
}

/** Which tenant a record belongs to: the same for the app and the CLI whatever either calls the profile. */
export interface TenantIdentity {
  apiBaseUrl: string;
  clientId: string;
}

/** Scheme, host and port in lower case, default port dropped, path without trailing slashes; no query or fragment. */
function normalizedBaseUrl(apiBaseUrl: string): string {
  try {
    const url = new URL(apiBaseUrl.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return apiBaseUrl.trim().toLowerCase().replace(/\/+$/, '');
  }
}

/**
 * The one file per tenant (API base URL + client id) where the app and `cxone-console`
 * keep what the emergency pause stopped, so either can resume the other's pause:
 * `<dataDir>/emergency/<host>-<hash>.json`, the host kept only to make the folder readable.
 */
export function emergencyRecordPath(dataDir: string, tenant: TenantIdentity): string {
  const base = normalizedBaseUrl(tenant.apiBaseUrl);
  const key = `${base}\n${tenant.clientId.trim()}`;
  const hash = createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 24);
  const host = (base.split('//')[1] ?? base).split('/')[0] ?? '';
  const readable = host.replace(/[^a-z0-9.-]+/gi, '_').slice(0, 60) || 'tenant';
  return join(dataDir, 'emergency', `${readable}-${hash}.json`);
}

/** Moves a record kept under an older name to `path`, unless a record is already there. */
export function adoptEmergencyRecord(oldPath: string, path: string): void {
  if (oldPath === path || existsSync(path) || !existsSync(oldPath)) return;
  mkdirSync(dirname(path), { recursive: true });
  renameSync(oldPath, path);
}

const emptyRecord = (): EmergencyRecordData => ({ tenantId: null, paused: [], lastRun: null });

/** Identifies the file's current content: another process replacing it (rename) changes the inode. */
const stampOf = (path: string): string | null => {
  try {
    const info = statSync(path);
    return `${info.ino}:${info.size}:${info.mtimeMs}`;
  } catch {
    return null;
  }
};

export function createEmergencyRecord(path: string): EmergencyRecord {
  let cached: EmergencyRecordData | null = null;
  let cachedStamp: string | null = null;
  return {
    read() {
      // The app and the CLI share the file: read again whenever another process replaced it.
      const stamp = stampOf(path);
      if (cached && stamp === cachedStamp) return cached;
      try {
        const parsed = recordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        cached = parsed.success ? parsed.data : emptyRecord();
      } catch {
        cached = emptyRecord();
      }
      cachedStamp = stamp;
      return cached;
    },
    write(data) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(data));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
      cached = data;
      cachedStamp = stampOf(path);
    },
  };
}

export type { EmergencyRun };
