import { describeAdminApiDemoTenant, startAdminApiDemoTenant, type AdminApiDemoTenantOptions } from '../../../demo-tenant-admin/index';
import { exitCodes, type CliContext } from '../cli-context';
import { writeJson, writeLines } from '../io';

export const demoTenantKinds = ['contract', 'admin-api'] as const;
export type DemoTenantKind = (typeof demoTenantKinds)[number];

export interface AdminApiDemoFlags {
  port?: number;
  seed?: number;
  rateLimit?: number;
  tokenTtl?: number;
  campaigns?: number;
  json?: boolean;
}

/** Flags of the contract demo that the simulated Admin API tenant does not model. */
export const contractOnlyDemoFlags = {
  latencyMs: '--latency-ms',
  faultRate: '--fault-rate',
  faults: '--faults',
  revokeTokensAfter: '--revoke-tokens-after',
} as const;

/** `demo-tenant --kind admin-api`: the simulated CXone Admin API tenant in the foreground. */
export async function runAdminApiDemoTenant(context: CliContext, flags: AdminApiDemoFlags): Promise<number> {
  const options: AdminApiDemoTenantOptions = { knobs: {} };
  if (flags.port !== undefined) options.port = flags.port;
  if (flags.seed !== undefined) options.seed = flags.seed;
  if (flags.campaigns !== undefined) options.skillCount = flags.campaigns;
  if (flags.rateLimit !== undefined) options.knobs = { ...options.knobs, rateLimitPerSecond: flags.rateLimit };
  if (flags.tokenTtl !== undefined) options.knobs = { ...options.knobs, tokenTtlSeconds: flags.tokenTtl };
  const tenant = await startAdminApiDemoTenant(options);
  const described = describeAdminApiDemoTenant(tenant);
  const { io } = context;
  if (flags.json) {
    writeJson(io, described);
  } else {
    writeLines(io, [
      'Demo tenant (CXone Admin API) listening',
      `  Issuer             ${described.issuer}`,
      `  Access key id      ${described.accessKeyId}`,
      `  Access key secret  ${described.accessKeySecret}`,
      `  API version        v${described.apiVersion}`,
      'Press Ctrl+C to stop.',
    ]);
  }
  await io.untilStopped();
  await tenant.close();
  if (!flags.json) writeLines(io, ['Demo tenant stopped.']);
  return exitCodes.success;
}
