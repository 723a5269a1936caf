import { adminApiProfileSettingsSchema, tenantProfileSchema, type AdminApiProfileSettings } from '../../shared/tenant-profile';
import { adminApiDemoAccessKeyId } from '../demo-tenant-admin/demo-identity';
import type { KeyValueStore } from '../settings/key-value-store';
import { accessKeyBindingOf, type BoundAccessKey } from './credential-binding';
import { demoAdminSettingsKey, profileKey } from './profile-store-keys';

/** Settings an Admin API tenant has in the app's store, and whose they are. */
export interface SavedAdminApiSettings {
  settings: AdminApiProfileSettings;
  /** The saved profile (matched by issuer and access key id), or the Admin API demo tenant's own settings. */
  owner: { kind: 'profile'; id: string; label: string } | { kind: 'demo'; id: 'demo-admin-api'; label: string };
}

const isLoopback = (issuer: string) => {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(issuer).hostname);
  } catch {
    return false;
  }
};

/**
 * What the app keeps for the Admin API tenant of this issuer and access key: the saved profile's
 * settings when its key is the same one (as `connectAdminApi` tells a profile's own key), else the
 * demo tenant's settings when the key is the app's demo key on a loopback issuer (its port changes
 * each launch); null when the store knows nothing of it.
 */
export function savedAdminApiSettings(store: KeyValueStore, key: BoundAccessKey): SavedAdminApiSettings | null {
  const saved = tenantProfileSchema.safeParse(store.get(profileKey));
  if (saved.success && saved.data.adapter === 'cxone-admin') {
    if (accessKeyBindingOf({ issuer: saved.data.apiBaseUrl, accessKeyId: saved.data.clientId }) === accessKeyBindingOf(key)) {
      return { settings: saved.data.adminApi ?? {}, owner: { kind: 'profile', id: saved.data.id, label: saved.data.label } };
    }
  }
  if (isLoopback(key.issuer) && key.accessKeyId === adminApiDemoAccessKeyId()) {
    const demo = adminApiProfileSettingsSchema.safeParse(store.get(demoAdminSettingsKey) ?? {});
    return { settings: demo.success ? demo.data : {}, owner: { kind: 'demo', id: 'demo-admin-api', label: 'Demo tenant (Admin API)' } };
  }
  return null;
}
