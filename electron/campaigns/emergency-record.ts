import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
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

export function createEmergencyRecord(path: string): EmergencyRecord {
  let cached: EmergencyRecordData | null = null;
  return {
    read() {
      if (cached) return cached;
      try {
        const parsed = recordSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        cached = parsed.success ? parsed.data : { tenantId: null, paused: [], lastRun: null };
      } catch {
        cached = { tenantId: null, paused: [], lastRun: null };
      }
      return cached;
    },
    write(data) {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.tmp`;
      const fd = openSync(temporary, 'w', 0o600);
      try {
        writeSync(fd, JSON.stringify(data));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(temporary, path);
      cached = data;
    },
  };
}

export type { EmergencyRun };
