import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RuleTickContext, RuleTickOutcome } from '../../../../electron/automation/automation-rule';
import { createWeatherRule } from '../../../../electron/automation/weather/weather-rule';
import { startDemoTenant, type DemoTenantHandle, type DemoWeatherAlert } from '../../../../electron/demo-tenant/index';
import { nwsAlertFeed, simpleAlertFeed } from '../../../../electron/demo-tenant/weather-feed';
import { connectTenant } from '../../../../electron/tenant/connect';
import type { TenantConnection } from '../../../../electron/tenant/ports';
import { demoProfile } from '../../../../electron/tenant-session/demo-profile';
import type { WeatherRuleSettings } from '../../../../shared/automation/automation-rules';
import type { WeatherMemory } from '../../../../shared/automation/weather/weather-memory';
import type { Campaign } from '../../../../shared/cxone/schemas';
import { delay } from '../../../../shared/base/delay';
import { ConsoleFailure, consoleError } from '../../../../shared/errors';

export const minute = 60_000;

/** What the test's external alerts server answers: a feed in one of the two formats, or a way of failing. */
export type FeedBehaviour = 'simple' | 'nws' | 'malformed-json' | 'wrong-shape' | 'http-500';

/** A stand-in for the weather service: a plain HTTP server whose alerts and failure the test sets. */
export async function startAlertsServer() {
  let alerts: DemoWeatherAlert[] = [];
  let behaviour: FeedBehaviour = 'simple';
  let requests = 0;
  const server: Server = createServer((_request, response) => {
    requests++;
    const send = (status: number, text: string) => response.writeHead(status, { 'Content-Type': 'application/json' }).end(text);
    if (behaviour === 'http-500') return send(500, '{"error":"upstream"}');
    if (behaviour === 'malformed-json') return send(200, '{"alerts": [ {"id": "a1", "sev');
    if (behaviour === 'wrong-shape') return send(200, JSON.stringify({ alerts: [{ id: 'a1', severity: 'Severe', regions: 'US-TX' }] }));
    return send(200, JSON.stringify(behaviour === 'simple' ? simpleAlertFeed(alerts) : nwsAlertFeed(alerts, Date.now())));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/alerts/active`,
    set(next: DemoWeatherAlert[], as: FeedBehaviour = behaviour) {
      alerts = next;
      behaviour = as;
    },
    fail(as: FeedBehaviour) {
      behaviour = as;
    },
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A URL nobody listens on: a port that was just given back. */
export async function unreachableUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/alerts/active`;
}

/** The engine's fetchJson as far as the rule can tell: JSON or a ConsoleFailure. */
export async function fetchJson(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (thrown) {
    throw new ConsoleFailure(consoleError('network', `The alerts feed at ${url} could not be reached: ${(thrown as Error).message}`, { target: url }));
  }
  if (!response.ok) throw new ConsoleFailure(consoleError('server', `The alerts feed answered ${response.status}.`, { status: response.status, target: url }));
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ConsoleFailure(consoleError('invalid_response', 'The alerts feed did not answer JSON.', { target: url }));
  }
}

/** A real demo tenant, a connection to it, the weather rule, and a clock the test moves. */
export async function startWeatherBench() {
  const tenant: DemoTenantHandle = await startDemoTenant({ seed: 7, campaignCount: 30, dialerTickMs: 0, activationMs: 200, contactsPerCampaign: 20 });
  const connection: TenantConnection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret);
  const rule = createWeatherRule();
  // The seed has campaigns still activating; let them settle so a snapshot shows only what the test and the rule did.
  for (;;) {
    let activating = false;
    for await (const campaign of connection.campaigns.list({ status: 'activating' })) activating ||= campaign.status === 'activating';
    if (!activating) break;
    await delay(50);
  }
  const t0 = Date.now();
  let clock = t0;
  let memory: WeatherMemory = rule.initialMemory();
  let ticks = 0;

  const campaigns = async (): Promise<Campaign[]> => {
    const all: Campaign[] = [];
    for await (const campaign of connection.campaigns.list()) all.push(campaign);
    return all;
  };
  /** The region with the most running campaigns, and those campaigns' ids. */
  const busiestRegion = async () => {
    const byRegion = new Map<string, string[]>();
    for (const c of await campaigns())
      if (c.status === 'running') byRegion.set(c.customAttributes.region as string, [...(byRegion.get(c.customAttributes.region as string) ?? []), c.id]);
    const [region, ids] = [...byRegion.entries()].sort((a, b) => b[1].length - a[1].length)[0] as [string, string[]];
    return { region, ids };
  };

  return {
    tenant,
    connection,
    rule,
    t0,
    at: (minutes: number) => new Date(t0 + minutes * minute).toISOString(),
    setClock(minutes: number) {
      clock = t0 + minutes * minute;
    },
    get memory() {
      return memory;
    },
    campaigns,
    busiestRegion,
    /** Status and version of each campaign, by id. */
    async snapshot(): Promise<Record<string, string>> {
      return Object.fromEntries((await campaigns()).map((c) => [c.id, `${c.status}@${c.version}`]));
    },
    async statusOf(id: string) {
      return (await connection.campaigns.get(id)).status;
    },
    /** One tick at `minutes` after t0; a real tick keeps the memory it returns, as the engine does. */
    async tick(
      minutes: number,
      settings: Partial<WeatherRuleSettings> & { alertsUrl: string },
      options: { dryRun?: boolean } = {},
    ): Promise<RuleTickOutcome<WeatherMemory>> {
      clock = t0 + minutes * minute;
      const dryRun = options.dryRun ?? false;
      const context: RuleTickContext<WeatherRuleSettings, WeatherMemory> = {
        tickId: `tick-${++ticks}`,
        settings: rule.settingsSchema.parse({ severity: 'Severe', holdDownMinutes: 30, intervalMinutes: 5, ...settings }),
        dryRun,
        signal: new AbortController().signal,
        now: () => clock,
        tenant: { campaigns: connection.campaigns, realtimeAgents: connection.realtimeAgents, label: 'Demo tenant' },
        memory: structuredClone(memory),
        fetchJson,
        progress: () => undefined,
      };
      const outcome = await rule.tick(context);
      if (!dryRun) memory = rule.memorySchema.parse(outcome.memory);
      return outcome;
    },
    async close() {
      connection.close();
      await tenant.close();
    },
  };
}

/** A Severe alert over `region` from 10 minutes before t0 to `endsMinutes` after it. */
export function severeAlert(
  bench: { at: (minutes: number) => string },
  id: string,
  region: string,
  endsMinutes = 600,
  changes: Partial<DemoWeatherAlert> = {},
): DemoWeatherAlert {
  return {
    id,
    event: 'Winter Storm Warning',
    severity: 'Severe',
    regions: [region],
    effective: bench.at(-10),
    expires: bench.at(endsMinutes),
    ends: bench.at(endsMinutes),
    ...changes,
  };
}
