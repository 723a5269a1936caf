import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectedEmergencyRecord, type ConnectedTenant } from '../../../electron/campaigns/connected-emergency-record';
import { createEmergencyRecord, emergencyRecordPath } from '../../../electron/campaigns/emergency-record';

const paused = (campaignId: string) => ({ campaignId, name: campaignId, pausedAt: '2026-01-01T00:00:00Z', version: 1 });
const pausedIds = (path: string) =>
  createEmergencyRecord(path)
    .read()
    .paused.map((entry) => entry.campaignId);

describe("the connected tenant's emergency record", () => {
  let dataDir: string;
  let tenant: ConnectedTenant;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-connected-record-'));
    tenant = { profileId: 'profile-1', apiBaseUrl: 'https://api.example.com', clientId: 'ops' };
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is the per-tenant record the command line uses, taking over the old per-profile one', () => {
    const legacy = join(dataDir, 'emergency', 'profile-1.json');
    createEmergencyRecord(legacy).write({ tenantId: null, paused: [paused('c-9')], lastRun: null });
    const recordOf = connectedEmergencyRecord(dataDir, () => tenant);

    const record = recordOf();
    expect(record.path).toBe(emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com', clientId: 'ops' }));
    expect(existsSync(legacy)).toBe(false);
    expect(pausedIds(record.path)).toEqual(['c-9']);
    expect(recordOf()).toBe(record);
  });

  it('follows the connection to another tenant', () => {
    const recordOf = connectedEmergencyRecord(dataDir, () => tenant);
    const first = recordOf().path;
    tenant = { profileId: 'profile-2', apiBaseUrl: 'https://api.example.com', clientId: 'other' };
    expect(recordOf().path).toBe(emergencyRecordPath(dataDir, { apiBaseUrl: 'https://api.example.com', clientId: 'other' }));
    expect(recordOf().path).not.toBe(first);
  });

  it('stays under the per-profile name while the tenant is not known', () => {
    tenant = { profileId: null, apiBaseUrl: null, clientId: null };
    expect(connectedEmergencyRecord(dataDir, () => tenant)().path).toBe(join(dataDir, 'emergency', 'none.json'));
  });
});
