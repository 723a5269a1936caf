import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** Which tenant a folder of automation state belongs to: the demo by its profile (its port changes each launch), any other by base URL + client id. */
export interface AutomationTenant {
  profileId: string | null;
  isDemo: boolean;
  apiBaseUrl: string;
  clientId: string;
}

function normalizedBaseUrl(apiBaseUrl: string): string {
  try {
    const url = new URL(apiBaseUrl.trim());
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
  } catch {
    return apiBaseUrl.trim().toLowerCase().replace(/\/+$/, '');
  }
}

/** A readable, stable folder name for the tenant: `demo`, or `<host>-<hash of base URL and client id>`, so the app and the CLI share it. */
export function automationTenantKey(tenant: AutomationTenant): string {
  if (tenant.isDemo) return (tenant.profileId ?? 'demo').replace(/[^a-z0-9.-]+/gi, '_');
  const base = normalizedBaseUrl(tenant.apiBaseUrl);
  const hash = createHash('sha256').update(`${base}\n${tenant.clientId.trim()}`, 'utf8').digest('hex').slice(0, 24);
  const host = (base.split('//')[1] ?? base).split('/')[0] ?? '';
  return `${host.replace(/[^a-z0-9.-]+/gi, '_').slice(0, 60) || 'tenant'}-${hash}`;
}

/** `<dataDir>/automation/<tenant key>`: the rules' state, their decision history and the runner lease. */
export const automationTenantDir = (dataDir: string, tenant: AutomationTenant): string => join(dataDir, 'automation', automationTenantKey(tenant));
