import type { RequestHandlers } from '../ipc/handlers';
import { outcomeDispositionView, saveOutcomeDispositions } from './outcome-disposition-settings';
import type { TenantSession } from './tenant-session';

type TenantChannel = Extract<keyof RequestHandlers, `tenant:${string}`>;

/** Settings' tenant panel: which tenant is connected, connecting to another or to the demo, the Admin API's own settings, the request log. */
export function createTenantHandlers(
  tenant: Pick<TenantSession, 'status' | 'reconnect' | 'useDemo' | 'connect' | 'connectAdminApi' | 'connection' | 'profile' | 'updateAdminApiSettings'>,
): Pick<RequestHandlers, TenantChannel> {
  return {
    'tenant:status': async () => tenant.status(),
    'tenant:reconnect': () => tenant.reconnect(),
    'tenant:useDemo': ({ kind }) => tenant.useDemo(kind),
    'tenant:connect': (input) => tenant.connect(input),
    'tenant:connectAdminApi': (input) => tenant.connectAdminApi(input),
    'tenant:setEmergencyStop': ({ emergencyStop }) => tenant.updateAdminApiSettings({ emergencyStop }),
    'tenant:outcomeDispositions': () => outcomeDispositionView(tenant),
    'tenant:saveOutcomeDispositions': ({ mapping }) => saveOutcomeDispositions(tenant, mapping),
    'tenant:requestLog': async ({ limit }) => tenant.connection().requestLog.recent(limit),
  };
}
