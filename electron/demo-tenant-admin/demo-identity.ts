import { adminIdentityOf } from './auth';

/** The seed the app's Admin API demo tenant starts with unless told otherwise. */
export const defaultAdminApiDemoSeed = 42;

/**
 * The access key id of the demo tenant of a seed: the same each launch (its port is not), so the
 * command line can tell it is the app's demo. Apart from the tenant itself, so what only needs the
 * key does not load the simulated tenant's seed data (its calendars and schedules).
 */
export const adminApiDemoAccessKeyId = (seed: number = defaultAdminApiDemoSeed): string => adminIdentityOf(seed).accessKeyId;
