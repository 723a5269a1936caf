import type { AuditActor, AuditEntryInput } from '../../shared/audit/audit-entry';
import { Emitter } from '../../shared/base/emitter';
import type { AuditWriter } from '../audit/audit-writer';
import { ConsoleFailure, consoleError, toConsoleError } from '../../shared/errors';
import type { AdminApiProfileInput } from '../../shared/tenant/admin-api-profile-input';
import type { TenantProfileInput } from '../../shared/tenant/tenant-profile-input';
import type { TenantStatus } from '../../shared/tenant/tenant-status';
import {
  adminApiProfileSettingsSchema,
  tenantProfileSchema,
  type AdminApiProfileSettings,
  type TenantAdapter,
  type TenantProfile,
} from '../../shared/tenant-profile';
import type { DemoTenantHandle, DemoTenantOptions } from '../demo-tenant/index';
import { startDemoTenant } from '../demo-tenant/index';
import { startAdminApiDemoTenant, type AdminApiDemoTenantHandle, type AdminApiDemoTenantOptions } from '../demo-tenant-admin/index';
import type { KeyValueStore } from '../settings/key-value-store';
import { connectTenant } from '../tenant/connect';
import type { TenantConnection } from '../tenant/ports';
import type { CredentialVault } from '../vault/credential-vault';
import { accessKeyBindingOf, accessKeyCredentialRefOf, applicationCredentialRefOf, bindingOf, credentialRefOf } from './credential-binding';
import { adminApiDemoProfile, demoProfile } from './demo-profile';
import { demoAdminSettingsKey, demoKindKey, profileKey } from './profile-store-keys';

const healthCheckIntervalMs = 30_000;

export interface TenantSession {
  /** The live connection; rejects with a typed error while none is usable. */
  connection(): TenantConnection;
  status(): TenantStatus;
  onStatus(listener: (status: TenantStatus) => void): () => void;
  onConnectionChanged(listener: (connection: TenantConnection) => void): () => void;
  start(): Promise<TenantStatus>;
  /** The embedded demo tenant of a kind: the contract one (default) or the simulated Admin API tenant. */
  useDemo(kind?: TenantAdapter): Promise<TenantStatus>;
  connect(input: TenantProfileInput): Promise<TenantStatus>;
  /** A "CXone (Admin API)" tenant: issuer, access key, API version, optional application. */
  connectAdminApi(input: AdminApiProfileInput): Promise<TenantStatus>;
  reconnect(): Promise<TenantStatus>;
  /**
   * Changes settings of the connected Admin API tenant that need no new sign-in (emergency stop
   * mode, outcome → disposition mapping): kept with its profile, used from the next request on.
   */
  updateAdminApiSettings(change: Pick<AdminApiProfileSettings, 'emergencyStop' | 'outcomeDispositions'>): Promise<TenantStatus>;
  /** The connected profile (null before the first connection); no secrets, only their vault slots. */
  profile(): TenantProfile | null;
  /** The embedded demo tenant once started (tests and diagnostics drive it); null before. */
  demoTenant(): DemoTenantHandle | null;
  /** The simulated Admin API tenant once started; null before. */
  adminApiDemoTenant(): AdminApiDemoTenantHandle | null;
  close(): Promise<void>;
}

export interface TenantSessionOptions {
  store: KeyValueStore;
  vault: CredentialVault;
  demoTenant?: DemoTenantOptions;
  adminApiDemoTenant?: AdminApiDemoTenantOptions;
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
  let adminDemo: AdminApiDemoTenantHandle | null = null;
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

  const activate = async (
    next: TenantProfile,
    secret: () => Promise<string>,
    isDemo: boolean,
    secretAtHand = false,
    applicationSecret?: () => Promise<string>,
  ) => {
    unsubscribeLog?.();
    current?.close();
    profile = next;
    current = connectTenant(next, secret, { ...(applicationSecret ? { applicationSecret } : {}), adminApiSettings: () => profile?.adminApi ?? {} });
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
      adapter: next.adapter,
      isDemo,
      emergencyStop: next.adapter === 'cxone-admin' ? (next.adminApi?.emergencyStop ?? 'without_force') : undefined,
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

  const startDemo = async (kind: TenantAdapter = options.store.get(demoKindKey) === 'cxone-admin' ? 'cxone-admin' : 'contract') => {
    if (kind === 'cxone-admin') {
      // As many skills as the contract demo has campaigns; a start or stop lands a moment after its 202, as on a real tenant.
      adminDemo ??= await startAdminApiDemoTenant({ skillCount: 60, knobs: { startStopDelayMs: 250 }, ...options.adminApiDemoTenant });
      const handle = adminDemo;
      const kept = adminApiProfileSettingsSchema.pick({ emergencyStop: true, outcomeDispositions: true }).safeParse(options.store.get(demoAdminSettingsKey));
      const demoProfileNow = adminApiDemoProfile(handle);
      const withKept = kept.success ? { ...demoProfileNow, adminApi: { ...demoProfileNow.adminApi, ...kept.data } } : demoProfileNow;
      return activate(withKept, async () => handle.accessKeySecret, true);
    }
    demo ??= await startDemoTenant({ latencyMs: 25, dialerTickMs: 1000, ...options.demoTenant });
    const handle = demo;
    return activate(demoProfile(handle), async () => handle.clientSecret, true);
  };

  const storedSecret = (ref: string, what: string, label: string) => async () => {
    const secret = await options.vault.get(ref);
    if (!secret) throw new ConsoleFailure(consoleError('configuration', `No ${what} is stored for ${label}; enter it in Settings.`));
    return secret;
  };

  const startSaved = async (): Promise<TenantStatus> => {
    const saved = tenantProfileSchema.safeParse(options.store.get(profileKey));
    if (!saved.success) return startDemo();
    const stored = saved.data;
    const isAdmin = stored.adapter === 'cxone-admin';
    const applicationRef = isAdmin ? stored.adminApi?.applicationCredentialRef : undefined;
    return activate(
      stored,
      storedSecret(stored.credentialRef, isAdmin ? 'access key secret' : 'client secret', stored.label),
      false,
      false,
      applicationRef ? storedSecret(applicationRef, 'application client secret', stored.label) : undefined,
    );
  };

  /** Connects a checked profile; saved, with its new secrets in the vault, only once it answers. */
  const connectProfile = async (next: TenantProfile, newSecrets: { ref: string; value: string | null }[]): Promise<TenantStatus> => {
    const saved = tenantProfileSchema.safeParse(options.store.get(profileKey));
    const read = (slot: { ref: string; value: string | null } | undefined) =>
      slot ? async () => slot.value ?? (await options.vault.get(slot.ref)) ?? '' : undefined;
    const [main, application] = newSecrets;
    const wasDemo = state.isDemo;
    const status = await activate(next, read(main) ?? (async () => ''), false, main?.value !== null && main !== undefined, read(application));
    const entry = { tenant: next.label, action: 'tenant.connect', target: { type: 'tenant', id: next.id, name: next.label }, after: endpointsOf(next) };
    if (status.connection !== 'connected') {
      const error = status.lastError ?? consoleError('network', `Could not connect to ${next.label}.`);
      await record({ ...entry, outcome: 'failed', reason: error.message });
      // Nothing of a refused profile stays: not saved, its secret not stored, no health check re-sending it.
      if (wasDemo || !saved.success) await startDemo();
      else await startSaved();
      throw new ConsoleFailure(error);
    }
    for (const slot of newSecrets) {
      if (slot.value === null) continue;
      await options.vault.set(slot.ref, slot.value);
      await record({
        tenant: next.label,
        action: 'tenant.secret_change',
        target: { type: 'tenant', id: next.id, name: next.label },
        after: { credentialRef: slot.ref, ...endpointsOf(next) },
        outcome: 'success',
      });
    }
    options.store.set(profileKey, next);
    publish({ credentialsConfigured: true });
    await record({ ...entry, outcome: 'success' });
    return state;
  };

  const missingSecret = (message: string, target: string) => new ConsoleFailure(consoleError('validation', message, { target }));

  return {
    demoTenant: () => demo,
    adminApiDemoTenant: () => adminDemo,
    connection() {
      if (!current) throw new ConsoleFailure(consoleError('configuration', 'No tenant is connected yet; open Settings to connect one.'));
      return current;
    },
    status: () => state,
    onStatus: statusChanged.event,
    onConnectionChanged: connectionChanged.event,
    start: startSaved,
    async useDemo(kind = 'contract') {
      options.store.delete(profileKey);
      options.store.set(demoKindKey, kind);
      const status = await startDemo(kind);
      await record({
        tenant: status.label,
        action: 'tenant.connect',
        target: { type: 'tenant', id: profile?.id ?? 'demo', name: status.label },
        after: endpointsOf(kind === 'cxone-admin' ? adminApiDemoProfile(adminDemo as AdminApiDemoTenantHandle) : demoProfile(demo as DemoTenantHandle)),
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
      const credentialRef =
        saved.success && saved.data.adapter === 'contract' && bindingOf(saved.data) === bindingOf(endpoints)
          ? saved.data.credentialRef
          : credentialRefOf(id, endpoints);
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
      return connectProfile(next, [{ ref: credentialRef, value: newSecret }]);
    },
    async connectAdminApi(input) {
      const id = `tenant-admin-${input.accessKeyId}`.replace(/[^A-Za-z0-9_-]/g, '-');
      const key = { issuer: input.issuer, accessKeyId: input.accessKeyId };
      const saved = tenantProfileSchema.safeParse(options.store.get(profileKey));
      const sameKey =
        saved.success &&
        saved.data.adapter === 'cxone-admin' &&
        accessKeyBindingOf({ issuer: saved.data.apiBaseUrl, accessKeyId: saved.data.clientId }) === accessKeyBindingOf(key);
      const credentialRef = sameKey && saved.success ? saved.data.credentialRef : accessKeyCredentialRefOf(id, key);
      const newSecret = input.accessKeySecret ? input.accessKeySecret : null;
      if (!newSecret && !(await options.vault.has(credentialRef))) {
        throw missingSecret(
          'Enter the access key secret: a stored secret is only sent to the issuer and access key it was entered for, and none is stored for these.',
          'accessKeySecret',
        );
      }
      const applicationClientId = input.applicationClientId ? input.applicationClientId : undefined;
      const applicationRef = applicationClientId ? applicationCredentialRefOf(id, { ...key, applicationClientId }) : undefined;
      const newApplicationSecret = input.applicationClientSecret ? input.applicationClientSecret : null;
      if (applicationRef && !newApplicationSecret && !(await options.vault.has(applicationRef))) {
        throw missingSecret(
          'Enter the application client secret: none is stored for this application client ID, issuer and access key.',
          'applicationClientSecret',
        );
      }
      const next = tenantProfileSchema.parse({
        id,
        label: input.label,
        adapter: 'cxone-admin',
        apiBaseUrl: input.issuer,
        clientId: input.accessKeyId,
        credentialRef,
        maxRequestsPerSecond: input.maxRequestsPerSecond,
        maxConcurrency: input.maxConcurrency,
        adminApi: {
          ...(input.apiVersion ? { apiVersion: input.apiVersion } : {}),
          ...(applicationClientId && applicationRef ? { applicationClientId, applicationCredentialRef: applicationRef } : {}),
          emergencyStop: input.emergencyStop,
          // The outcome mapping is edited on its own in Settings; the connection form keeps it for the same access key.
          ...(sameKey && saved.success && saved.data.adminApi?.outcomeDispositions ? { outcomeDispositions: saved.data.adminApi.outcomeDispositions } : {}),
        },
      });
      return connectProfile(next, [
        { ref: credentialRef, value: newSecret },
        ...(applicationRef ? [{ ref: applicationRef, value: newApplicationSecret }] : []),
      ]);
    },
    profile: () => profile,
    async updateAdminApiSettings(change) {
      const before = profile;
      if (!before || before.adapter !== 'cxone-admin') {
        throw new ConsoleFailure(consoleError('validation', 'Only a CXone (Admin API) tenant has these settings; connect one first.', { target: 'adapter' }));
      }
      const next = tenantProfileSchema.parse({ ...before, adminApi: { ...before.adminApi, ...change } });
      if (state.isDemo) {
        const kept = adminApiProfileSettingsSchema.pick({ emergencyStop: true, outcomeDispositions: true }).safeParse(options.store.get(demoAdminSettingsKey));
        options.store.set(demoAdminSettingsKey, { ...(kept.success ? kept.data : {}), ...change });
      } else {
        options.store.set(profileKey, next);
      }
      profile = next;
      const pick = (settings: AdminApiProfileSettings | undefined) => ({
        ...('emergencyStop' in change ? { emergencyStop: settings?.emergencyStop ?? 'without_force' } : {}),
        ...('outcomeDispositions' in change ? { outcomeDispositions: settings?.outcomeDispositions ?? null } : {}),
      });
      await record({
        tenant: next.label,
        action: 'tenant.settings_change',
        target: { type: 'tenant', id: next.id, name: next.label },
        before: pick(before.adminApi),
        after: pick(next.adminApi),
        outcome: 'success',
      });
      publish({ emergencyStop: next.adminApi?.emergencyStop ?? 'without_force' });
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
      await adminDemo?.close();
      demo = null;
      adminDemo = null;
    },
  };
}
