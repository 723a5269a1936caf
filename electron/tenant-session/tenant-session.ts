import type { AuditActor, AuditEntryInput } from '../../shared/audit/audit-entry';
import { Emitter } from '../../shared/base/emitter';
import type { AuditWriter } from '../audit/audit-writer';
import { ConsoleFailure, consoleError, toConsoleError } from '../../shared/errors';
import type { TenantProfileInput } from '../../shared/tenant/tenant-profile-input';
import type { TenantStatus } from '../../shared/tenant/tenant-status';
import { tenantProfileSchema, type TenantProfile } from '../../shared/tenant-profile';
import type { DemoTenantHandle, DemoTenantOptions } from '../demo-tenant/index';
import { startDemoTenant } from '../demo-tenant/index';
import type { KeyValueStore } from '../settings/key-value-store';
import { connectTenant } from '../tenant/connect';
import type { TenantConnection } from '../tenant/ports';
import type { CredentialVault } from '../vault/credential-vault';
import { bindingOf, credentialRefOf } from './credential-binding';
import { demoProfile } from './demo-profile';

const profileKey = 'tenantProfile';
const healthCheckIntervalMs = 30_000;

export interface TenantSession {
  /** The live connection; rejects with a typed error while none is usable. */
  connection(): TenantConnection;
  status(): TenantStatus;
  onStatus(listener: (status: TenantStatus) => void): () => void;
  onConnectionChanged(listener: (connection: TenantConnection) => void): () => void;
  start(): Promise<TenantStatus>;
  useDemo(): Promise<TenantStatus>;
  connect(input: TenantProfileInput): Promise<TenantStatus>;
  reconnect(): Promise<TenantStatus>;
  /** The embedded demo tenant once started (tests and diagnostics drive it); null before. */
  demoTenant(): DemoTenantHandle | null;
  close(): Promise<void>;
}

export interface TenantSessionOptions {
  store: KeyValueStore;
  vault: CredentialVault;
  demoTenant?: DemoTenantOptions;
  /** The one audit writer: every connection and secret change is an entry (never the secret). */
  audit?: AuditWriter;
  actor?: AuditActor;
}

/**
 * Owns which tenant the console talks to. With no saved profile it starts the
 * embedded demo tenant so the first minute is useful without credentials.
 */
export function createTenantSession(options: TenantSessionOptions): TenantSession {
  let current: TenantConnection | null = null;
  let profile: TenantProfile | null = null;
  let demo: DemoTenantHandle | null = null;
  let state: TenantStatus = {
    profileId: null,
    label: 'Not connected',
    isDemo: false,
    apiBaseUrl: null,
    clientId: null,
    credentialsConfigured: false,
    connection: 'connecting',
    lastError: null,
    checkedAt: null,
  };
  const statusChanged = new Emitter<TenantStatus>();
  const connectionChanged = new Emitter<TenantConnection>();
  let healthTimer: NodeJS.Timeout | null = null;
  let unsubscribeLog: (() => void) | null = null;

  const publish = (change: Partial<TenantStatus>) => {
    state = { ...state, ...change };
    statusChanged.fire(state);
  };

  const probe = async () => {
    if (!current) return;
    try {
      for await (const _campaign of current.campaigns.list({ pageSize: 1 })) break;
      publish({ connection: 'connected', lastError: null, checkedAt: new Date().toISOString() });
    } catch (thrown) {
      const error = toConsoleError(thrown);
      publish({
        connection: error.kind === 'network' || error.kind === 'timeout' ? 'disconnected' : 'error',
        lastError: error,
        checkedAt: new Date().toISOString(),
      });
    }
  };

  const record = async (entry: Omit<AuditEntryInput, 'actor'>) => {
    await options.audit?.append({ actor: options.actor ?? { type: 'system', name: 'console' }, ...entry }).catch(() => undefined);
  };
  const endpointsOf = (next: TenantProfile) => ({ apiBaseUrl: next.apiBaseUrl, tokenUrl: next.tokenUrl ?? null, clientId: next.clientId });

  const activate = async (next: TenantProfile, secret: () => Promise<string>, isDemo: boolean, secretAtHand = false) => {
    unsubscribeLog?.();
    current?.close();
    profile = next;
    current = connectTenant(next, secret);
    unsubscribeLog = current.requestLog.subscribe((entry) => {
      if (entry.error && (entry.status === null || entry.status >= 500)) {
        publish({ connection: entry.status === null ? 'disconnected' : 'degraded' });
      } else if (entry.status !== null && entry.status < 500 && state.connection !== 'connected') {
        publish({ connection: 'connected', lastError: null });
      }
    });
    publish({
      profileId: next.id,
      label: next.label,
      isDemo,
      apiBaseUrl: next.apiBaseUrl,
      clientId: next.clientId,
      credentialsConfigured: isDemo || secretAtHand || (await options.vault.has(next.credentialRef)),
      connection: 'connecting',
      lastError: null,
    });
    connectionChanged.fire(current);
    await probe();
    if (healthTimer) clearInterval(healthTimer);
    healthTimer = setInterval(() => void probe(), healthCheckIntervalMs);
    healthTimer.unref();
    return state;
  };

  const startDemo = async () => {
    demo ??= await startDemoTenant({ latencyMs: 25, dialerTickMs: 1000, ...options.demoTenant });
    const handle = demo;
    return activate(demoProfile(handle), async () => handle.clientSecret, true);
  };

  const startSaved = async (): Promise<TenantStatus> => {
    const saved = tenantProfileSchema.safeParse(options.store.get(profileKey));
    if (!saved.success) return startDemo();
    const stored = saved.data;
    return activate(
      stored,
      async () => {
        const secret = await options.vault.get(stored.credentialRef);
        if (!secret) {
          throw new ConsoleFailure(consoleError('configuration', `No client secret is stored for ${stored.label}; enter it in Settings.`));
        }
        return secret;
      },
      false,
    );
  };

  return {
    demoTenant: () => demo,
    connection() {
      if (!current) throw new ConsoleFailure(consoleError('configuration', 'No tenant is connected yet; open Settings to connect one.'));
      return current;
    },
    status: () => state,
    onStatus: statusChanged.event,
    onConnectionChanged: connectionChanged.event,
    start: startSaved,
    async useDemo() {
      options.store.delete(profileKey);
      const status = await startDemo();
      await record({
        tenant: status.label,
        action: 'tenant.connect',
        target: { type: 'tenant', id: 'demo', name: status.label },
        after: endpointsOf(demoProfile(demo as DemoTenantHandle)),
        outcome: status.connection === 'connected' ? 'success' : 'failed',
      });
      return status;
    },
    async connect(input) {
      const id = `tenant-${input.clientId}`.replace(/[^A-Za-z0-9_-]/g, '-');
      const tokenUrl = input.tokenUrl || undefined;
      const endpoints = { apiBaseUrl: input.apiBaseUrl, tokenUrl, clientId: input.clientId };
      const saved = tenantProfileSchema.safeParse(options.store.get(profileKey));
      // A profile saved before secrets were bound keeps its slot while its URLs and client id stay the same.
      const credentialRef = saved.success && bindingOf(saved.data) === bindingOf(endpoints) ? saved.data.credentialRef : credentialRefOf(id, endpoints);
      const newSecret = input.clientSecret ? input.clientSecret : null;
      if (!newSecret && !(await options.vault.has(credentialRef))) {
        // A refused form changes nothing: the connected tenant stays connected.
        throw new ConsoleFailure(
          consoleError(
            'validation',
            'Enter the client secret: a stored secret is only sent to the API base URL and token URL it was entered for, and none is stored for these.',
            {
              target: 'clientSecret',
            },
          ),
        );
      }
      const next = tenantProfileSchema.parse({
        id,
        label: input.label,
        adapter: 'contract',
        apiBaseUrl: input.apiBaseUrl,
        tokenUrl,
        clientId: input.clientId,
        credentialRef,
        maxRequestsPerSecond: input.maxRequestsPerSecond,
        maxConcurrency: input.maxConcurrency,
      });
      const wasDemo = state.isDemo;
      const status = await activate(next, async () => newSecret ?? (await options.vault.get(credentialRef)) ?? '', false, newSecret !== null);
      const entry = { tenant: next.label, action: 'tenant.connect', target: { type: 'tenant', id: next.id, name: next.label }, after: endpointsOf(next) };
      if (status.connection !== 'connected') {
        const error = status.lastError ?? consoleError('network', `Could not connect to ${next.label}.`);
        await record({ ...entry, outcome: 'failed', reason: error.message });
        // Nothing of a refused profile stays: not saved, its secret not stored, no health check re-sending it.
        if (wasDemo || !saved.success) await startDemo();
        else await startSaved();
        throw new ConsoleFailure(error);
      }
      if (newSecret) {
        await options.vault.set(credentialRef, newSecret);
        await record({
          tenant: next.label,
          action: 'tenant.secret_change',
          target: { type: 'tenant', id: next.id, name: next.label },
          after: { credentialRef, ...endpointsOf(next) },
          outcome: 'success',
        });
      }
      options.store.set(profileKey, next);
      publish({ credentialsConfigured: true });
      await record({ ...entry, outcome: 'success' });
      return state;
    },
    async reconnect() {
      if (!profile) return startSaved();
      await probe();
      return state;
    },
    async close() {
      if (healthTimer) clearInterval(healthTimer);
      unsubscribeLog?.();
      current?.close();
      await demo?.close();
      demo = null;
    },
  };
}
