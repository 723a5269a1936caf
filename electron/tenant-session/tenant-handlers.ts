import type { RequestHandlers } from '../ipc/handlers';
import type { TenantSession } from './tenant-session';

type TenantChannel = Extract<keyof RequestHandlers, `tenant:${string}`>;

/** Settings' tenant panel: which tenant is connected, connecting to another or to the demo, the request log. */
export function createTenantHandlers(
  tenant: Pick<TenantSession, 'status' | 'reconnect' | 'useDemo' | 'connect' | 'connection'>,
): Pick<RequestHandlers, TenantChannel> {
  return {
    'tenant:status': async () => tenant.status(),
    'tenant:reconnect': () => tenant.reconnect(),
    'tenant:useDemo': () => tenant.useDemo(),
    'tenant:connect': (input) => tenant.connect(input),
    'tenant:requestLog': async ({ limit }) => tenant.connection().requestLog.recent(limit),
  };
}
