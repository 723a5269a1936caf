import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCampaignDirectory } from '../../../electron/campaigns/campaign-directory';
import { createEventBus } from '../../../electron/ipc/handlers';
import { createJsonFileStore } from '../../../electron/settings/json-file-store';
import { createSettingsService } from '../../../electron/settings/settings-service';
import type { KeyValueStore } from '../../../electron/settings/key-value-store';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { createTenantSession } from '../../../electron/tenant-session/tenant-session';
import type { CredentialVault } from '../../../electron/vault/credential-vault';
import type { CampaignSnapshot } from '../../../shared/campaigns/campaign-snapshot';
import type { TenantStatus } from '../../../shared/tenant/tenant-status';

// Each of these sites once looped over its listeners by hand, so one that threw skipped the rest and failed the caller.
const broken = () => {
  throw new Error('listener broke');
};

let consoleError: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  consoleError.mockRestore();
});

const reportedBreak = () => expect(consoleError).toHaveBeenCalledWith(expect.any(String), expect.objectContaining({ message: 'listener broke' }));

describe('a throwing listener stops neither the next listener nor the caller', () => {
  it('settings service', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxone-base-settings-'));
    try {
      const settings = createSettingsService(createJsonFileStore(join(dir, 'settings.json')));
      const seen: number[] = [];
      settings.onChange(broken);
      settings.onChange((next) => seen.push(next.refreshIntervalSeconds));
      expect(() => settings.update({ refreshIntervalSeconds: 45 })).not.toThrow();
      expect(seen).toEqual([45]);
      reportedBreak();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('campaign directory', () => {
    const directory = createCampaignDirectory({ connection: () => ({}) as TenantConnection, intervalSeconds: () => 3600 });
    const seen: CampaignSnapshot[] = [];
    directory.onChange(broken);
    directory.onChange((snapshot) => seen.push(snapshot));
    expect(() => directory.markPending('c-1', 'paused')).not.toThrow();
    expect(seen.map((snapshot) => Object.keys(snapshot.pending))).toEqual([['c-1']]);
    reportedBreak();
  });

  it('event bus', () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.subscribe(broken);
    bus.subscribe((channel) => seen.push(channel));
    expect(() => bus.emit('outbox:changed', { pending: 1, delivered: 0, dead: 0 })).not.toThrow();
    expect(seen).toEqual(['outbox:changed']);
    reportedBreak();
  });

  it('tenant session', async () => {
    const values = new Map<string, unknown>();
    const store: KeyValueStore = { get: (key) => values.get(key), set: (key, value) => void values.set(key, value), delete: (key) => void values.delete(key) };
    const vault: CredentialVault = { get: async () => null, set: async () => undefined, delete: async () => undefined, has: async () => false };
    const session = createTenantSession({ store, vault, demoTenant: { latencyMs: 0 } });
    const statuses: TenantStatus[] = [];
    const connections: TenantConnection[] = [];
    session.onStatus(broken);
    session.onStatus((status) => statuses.push(status));
    session.onConnectionChanged(broken);
    session.onConnectionChanged((connection) => connections.push(connection));
    try {
      const status = await session.start();
      expect(status.connection).toBe('connected');
      expect(statuses.at(-1)?.connection).toBe('connected');
      expect(connections).toEqual([session.connection()]);
      reportedBreak();
    } finally {
      await session.close();
    }
  });
});
