import { InvalidArgumentError, type Command } from 'commander';
import { describeDemoTenant, measuredFaultProfile, startDemoTenant, type DemoTenantOptions } from '../../../demo-tenant/index';
import { exitCodes, type CliCommandModule } from '../cli-context';
import { writeJson, writeLines } from '../io';
import { contractOnlyDemoFlags, demoTenantKinds, runAdminApiDemoTenant, type DemoTenantKind } from './admin-api-demo-tenant';

function numberOption(name: string, check: (value: number) => boolean, rule: string) {
  return (raw: string): number => {
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || !check(value)) throw new InvalidArgumentError(`${name} must be ${rule}.`);
    return value;
  };
}

interface DemoTenantFlags {
  port?: number;
  seed?: number;
  latencyMs?: number;
  rateLimit?: number;
  faultRate?: number;
  tokenTtl?: number;
  faults?: 'measured';
  revokeTokensAfter?: number;
  campaigns?: number;
  kind?: DemoTenantKind;
  json?: boolean;
}

function kindOption(raw: string): DemoTenantKind {
  const kind = demoTenantKinds.find((known) => known === raw.trim().toLowerCase());
  if (!kind) throw new InvalidArgumentError(`--kind must be one of ${demoTenantKinds.join(', ')}.`);
  return kind;
}

function faultsOption(raw: string): 'measured' {
  if (raw.trim().toLowerCase() !== 'measured') throw new InvalidArgumentError('--faults must be "measured".');
  return 'measured';
}

/** `cxone-console demo-tenant`: the simulated tenant in the foreground, until SIGINT/SIGTERM. */
export const demoTenantCommand: CliCommandModule = {
  register(program: Command, context, run) {
    program
      .command('demo-tenant')
      .description('Run the built-in demo CXone tenant in the foreground (Ctrl+C stops it)')
      .option(
        '--port <n>',
        'port to listen on (0 = any free port)',
        numberOption('--port', (v) => Number.isInteger(v) && v >= 0 && v <= 65535, 'a port number from 0 to 65535'),
      )
      .option('--seed <s>', 'seed of the generated data', numberOption('--seed', Number.isInteger, 'a whole number'))
      .option(
        '--latency-ms <l>',
        'latency added to every answer',
        numberOption('--latency-ms', (v) => v >= 0, 'zero or more'),
      )
      .option(
        '--rate-limit <r>',
        'requests per second before answering 429 (0 = unlimited)',
        numberOption('--rate-limit', (v) => v >= 0, 'zero or more'),
      )
      .option(
        '--fault-rate <f>',
        'share of API requests that get a random fault',
        numberOption('--fault-rate', (v) => v >= 0 && v <= 1, 'between 0 and 1'),
      )
      .option(
        '--token-ttl <s>',
        'lifetime of issued tokens in seconds',
        numberOption('--token-ttl', (v) => v > 0, 'more than 0'),
      )
      .option(
        '--faults <profile>',
        'fault profile "measured": 40 requests/s with Retry-After 1, 3% 503, 2% 500 after the change, drops on writes, tokens revoked after 4 s',
        faultsOption,
      )
      .option(
        '--revoke-tokens-after <s>',
        'tokens stop working after this many seconds although expires_in says the full lifetime',
        numberOption('--revoke-tokens-after', (v) => v > 0, 'more than 0'),
      )
      .option(
        '--campaigns <n>',
        'number of seeded campaigns',
        numberOption('--campaigns', (v) => Number.isInteger(v) && v > 0 && v <= 5000, 'a whole number from 1 to 5000'),
      )
      .option('--kind <kind>', 'contract (default) or admin-api (a simulated CXone Admin API tenant)', kindOption)
      .option('--json', 'print one JSON line with the URL and credentials')
      .action(
        run(async (flags: DemoTenantFlags) => {
          if (flags.kind === 'admin-api') {
            const unsupported = Object.entries(contractOnlyDemoFlags)
              .filter(([flag]) => flags[flag as keyof typeof contractOnlyDemoFlags] !== undefined)
              .map(([, option]) => option);
            if (unsupported.length > 0) {
              context.io.stderr(`cxone-console: --kind admin-api does not simulate ${unsupported.join(', ')}; leave those options out.\n`);
              return exitCodes.usage;
            }
            return runAdminApiDemoTenant(context, flags);
          }
          const options: DemoTenantOptions = flags.faults === 'measured' ? { ...measuredFaultProfile } : {};
          if (flags.port !== undefined) options.port = flags.port;
          if (flags.seed !== undefined) options.seed = flags.seed;
          if (flags.latencyMs !== undefined) options.latencyMs = flags.latencyMs;
          if (flags.rateLimit !== undefined) options.rateLimitPerSecond = flags.rateLimit;
          if (flags.faultRate !== undefined) options.faultRate = flags.faultRate;
          if (flags.tokenTtl !== undefined) options.tokenTtlSeconds = flags.tokenTtl;
          if (flags.revokeTokensAfter !== undefined) options.revokeTokensAfterSeconds = flags.revokeTokensAfter;
          if (flags.campaigns !== undefined) options.campaignCount = flags.campaigns;
          const tenant = await startDemoTenant(options);
          const described = describeDemoTenant(tenant);
          const { io } = context;
          if (flags.json) {
            writeJson(io, described);
          } else {
            writeLines(io, [
              'Demo tenant listening',
              `  URL            ${described.url}`,
              `  Token URL      ${described.tokenUrl}`,
              `  Client ID      ${described.clientId}`,
              `  Client secret  ${described.clientSecret}`,
              `Connect with: CXONE_BASE_URL=${described.url} CXONE_CLIENT_ID=${described.clientId} CXONE_CLIENT_SECRET=${described.clientSecret}`,
              'Press Ctrl+C to stop.',
            ]);
          }
          await io.untilStopped();
          await tenant.close();
          if (!flags.json) writeLines(io, ['Demo tenant stopped.']);
          return exitCodes.success;
        }),
      );
  },
};
