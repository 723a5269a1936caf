import { startDemoTenant, type DemoTenantHandle } from '../../electron/demo-tenant/index';
import { hostileFaults } from './hostile-faults';

/**
 * A demo tenant with exactly `running` campaigns dialing and 40 more paused, so an emergency
 * pause's floor (running ÷ rate) is known; with `faults`, the hostile fault profile.
 */
export async function startDialingTenant(options: {
  running: number;
  rateLimitPerSecond: number;
  latencyMs: number;
  faults?: boolean;
}): Promise<DemoTenantHandle> {
  const tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: options.running + 40, contactsPerCampaign: 2 });
  let made = 0;
  for (const campaign of tenant.state.campaigns.values()) {
    campaign.status = made < options.running ? 'running' : 'paused';
    made++;
  }
  tenant.setKnobs({ latencyMs: options.latencyMs, rateLimitPerSecond: options.rateLimitPerSecond });
  if (options.faults) tenant.injectFaults(...hostileFaults(options.running * 4));
  return tenant;
}
