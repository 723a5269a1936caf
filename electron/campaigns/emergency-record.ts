import { createHash } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as z from 'zod';
import { emergencyRunSchema, type EmergencyRun } from '../../shared/campaigns/status-change';

const pausedEntrySchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  pausedAt: z.string(),
  /**
   * The version the tenant gave the campaign when the emergency pause stopped it; null when
   * it was recovered from a damaged record that did not say.
   */
  version: z.number().int().nullable(),
});
export type PausedByEmergency = z.infer<typeof pausedEntrySchema>;

/** A damaged record found on disk: moved aside to `copy`, its campaigns recovered into this one. */
const recoveredSchema = z.object({
  copy: z.string(),
  reason: z.string(),
  at: z.string(),
  campaigns: z.number().int(),
});
export type RecoveredRecord = z.infer<typeof recoveredSchema>;

const recordSchema = z.object({
  tenantId: z.string().nullable(),
  paused: z.array(pausedEntrySchema),
  lastRun: emergencyRunSchema.nullable(),
  recovered: recoveredSchema.nullable().optional(),
});
export type EmergencyRecordData = z.infer<typeof recordSchema>;

/**
 * Which campaigns the emergency pause stopped, on disk so "resume what the emergency pause
 * stopped" works after a crash or restart. A record that cannot be read is never overwritten:
 * it is moved aside (`.corrupt`) and what can be recovered from it is kept, with `recovered`
 * saying so until a resume has dealt with every campaign.
 */
export interface EmergencyRecord {
  read(): EmergencyRecordData;
  /** Throws when the file cannot be written (or would overwrite a damaged record that could not be moved aside). */
  write(data: EmergencyRecordData): void;
  /** Where the record lives, for messages. */
  readonly path: string;
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

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every campaign a damaged record still names: from its entries when it parses as JSON, else from the raw text. */
export function salvagePausedEntries(text: string): PausedByEmergency[] {
  const found = new Map<string, PausedByEmergency>();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const entries = isRecord(json) && Array.isArray(json.paused) ? json.paused : null;
  if (entries) {
    for (const entry of entries) {
      if (!isRecord(entry) || typeof entry.campaignId !== 'string' || entry.campaignId === '') continue;
      found.set(entry.campaignId, {
        campaignId: entry.campaignId,
        name: typeof entry.name === 'string' ? entry.name : entry.campaignId,
        pausedAt: typeof entry.pausedAt === 'string' ? entry.pausedAt : '',
        version: typeof entry.version === 'number' && Number.isInteger(entry.version) ? entry.version : null,
      });
    }
  } else {
    for (const match of text.matchAll(/"campaignId"\s*:\s*"((?:[^"\\]|\\.)+)"/g)) {
      const campaignId = match[1] ?? '';
      if (!found.has(campaignId)) found.set(campaignId, { campaignId, name: campaignId, pausedAt: '', version: null });
    }
  }
  return [...found.values()];
}

/** Why the text is not a record, in a few words. */
function problemOf(text: string): string | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const parsed = recordSchema.safeParse(json);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return `${issue?.path.join('.') || 'the record'}: ${issue?.message ?? 'unexpected shape'}`;
}

/** `<path>.corrupt`, or `<path>.<n>.corrupt` when an earlier copy already holds that name: no copy is ever overwritten. */
function corruptCopyPath(path: string): string {
  if (!existsSync(`${path}.corrupt`)) return `${path}.corrupt`;
  for (let n = 2; ; n++) if (!existsSync(`${path}.${n}.corrupt`)) return `${path}.${n}.corrupt`;
}

function writeAtomically(path: string, data: EmergencyRecordData): void {
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
}

export function createEmergencyRecord(path: string, clock: () => Date = () => new Date()): EmergencyRecord {
  let cached: EmergencyRecordData | null = null;
  let cachedStamp: string | null = null;
  /** A damaged file that could not be moved aside: kept in memory, and the file must not be written over. */
  let stuckDamaged: string | null = null;

  /** Moves the damaged file aside and carries what it names into a fresh record; the copy is never touched again. */
  const recover = (text: string, reason: string): EmergencyRecordData => {
    const paused = salvagePausedEntries(text);
    const at = clock().toISOString();
    let copy: string;
    try {
      copy = corruptCopyPath(path);
      renameSync(path, copy);
    } catch (error) {
      stuckDamaged = `The emergency record ${path} is damaged (${reason}) and could not be moved aside (${error instanceof Error ? error.message : String(error)})`;
      return { tenantId: null, paused, lastRun: null, recovered: { copy: path, reason, at, campaigns: paused.length } };
    }
    const data: EmergencyRecordData = { tenantId: null, paused, lastRun: null, recovered: { copy, reason, at, campaigns: paused.length } };
    try {
      writeAtomically(path, data);
    } catch {
      // The copy holds everything; the next write tries again and says why it cannot.
    }
    return data;
  };

  return {
    path,
    read() {
      // The app and the CLI share the file: read again whenever another process replaced it.
      const stamp = stampOf(path);
      if (cached && stamp === cachedStamp) return cached;
      let text: string | null;
      try {
        text = readFileSync(path, 'utf8');
      } catch {
        text = null;
      }
      if (text === null) {
        cached = emptyRecord();
      } else {
        const problem = problemOf(text);
        cached = problem === null ? recordSchema.parse(JSON.parse(text)) : recover(text, problem);
      }
      cachedStamp = stampOf(path);
      return cached;
    },
    write(data) {
      if (stuckDamaged) throw new Error(`${stuckDamaged}; it is left as it is rather than overwritten`);
      writeAtomically(path, data);
      cached = data;
      cachedStamp = stampOf(path);
    },
  };
}

export type { EmergencyRun };
