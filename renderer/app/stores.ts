import type { ConsoleApi } from '../api';
import { createAuditStore, type AuditStore } from '../features/audit/audit-store';
import { createAutomationStore, type AutomationStore } from '../features/automation/automation-store';
import { createCampaignAuditStore, type CampaignAuditStore } from '../features/campaigns/campaign-audit-store';
import { createCampaignsStore, type CampaignsStore } from '../features/campaigns/campaigns-store';
import { createDispositionsStore, type DispositionsStore } from '../features/dispositions/dispositions-store';
import { createEmergencyStore, type EmergencyStore } from '../features/emergency/emergency-store';
import { createNewCampaignStore, type NewCampaignStore } from '../features/new-campaign/new-campaign-store';
import { createSimulationStore, type SimulationStore } from '../features/new-campaign/simulation-store';
import { createSchedulesStore, type SchedulesStore } from '../features/schedules/schedules-store';
import { createSettingsStore, type SettingsStore } from '../features/settings/settings-store';
import { createAppStore, type AppStore } from './app-store';
import type { Navigation } from './navigation';

/** Every store of the renderer, each created once over the same API. */
export interface Stores {
  app: AppStore;
  campaigns: CampaignsStore;
  campaignAudit: CampaignAuditStore;
  emergency: EmergencyStore;
  dispositions: DispositionsStore;
  newCampaign: NewCampaignStore;
  simulation: SimulationStore;
  audit: AuditStore;
  settings: SettingsStore;
  schedules: SchedulesStore;
  automation: AutomationStore;
  navigation: Navigation;
}

export function createStores(api: ConsoleApi): Stores {
  const app = createAppStore(api);
  const campaigns = createCampaignsStore(api);
  const audit = createAuditStore(api);
  const navigation: Navigation = {
    openCampaign(campaignId) {
      app.getState().navigate('campaigns');
      campaigns.getState().openDrawer(campaignId);
    },
    openCampaignAudit(campaignId) {
      audit.getState().showCampaign(campaignId);
      app.getState().navigate('audit');
    },
  };
  return {
    app,
    campaigns,
    campaignAudit: createCampaignAuditStore(api),
    emergency: createEmergencyStore(api),
    dispositions: createDispositionsStore(api),
    newCampaign: createNewCampaignStore(api),
    simulation: createSimulationStore(api),
    audit,
    settings: createSettingsStore(api),
    schedules: createSchedulesStore(api),
    automation: createAutomationStore(api),
    navigation,
  };
}
