import { consoleError, type ConsoleError } from '../errors';
import type { TenantAdapter } from '../tenant-profile';

/**
 * Whether a kind of tenant has schedules the console can check and apply. The Admin API does
 * not (`cxone-admin-api.md`): a skill keeps per-weekday hours, not a cron schedule, and its
 * contacts cannot be listed for the compliance gate.
 */
export function schedulesUnavailableOn(adapter: TenantAdapter): ConsoleError | null {
  if (adapter !== 'cxone-admin') return null;
  return consoleError(
    'not_available',
    "Schedules are not available on this tenant: a CXone skill keeps per-weekday calling hours (set in CXone), not a cron schedule, and a skill's contacts cannot be listed to check their local calling hours.",
    { target: 'CXone Admin API' },
  );
}
