import type { ReactNode } from 'react';
import { AuditStoreProvider } from '../features/audit/audit-store';
import { AutomationStoreProvider } from '../features/automation/automation-store';
import { CampaignAuditStoreProvider } from '../features/campaigns/campaign-audit-store';
import { CampaignsStoreProvider } from '../features/campaigns/campaigns-store';
import { DispositionsStoreProvider } from '../features/dispositions/dispositions-store';
import { EmergencyStoreProvider } from '../features/emergency/emergency-store';
import { NewCampaignStoreProvider } from '../features/new-campaign/new-campaign-store';
import { SimulationStoreProvider } from '../features/new-campaign/simulation-store';
import { SchedulesStoreProvider } from '../features/schedules/schedules-store';
import { SettingsStoreProvider } from '../features/settings/settings-store';
import { AppStoreProvider } from './app-store';
import { NavigationContext } from './navigation';
import type { Stores } from './stores';

/** Gives every component below the stores main.tsx created (tests may pass their own). */
export function StoresProvider({ stores, children }: { stores: Stores; children: ReactNode }) {
  return (
    <NavigationContext.Provider value={stores.navigation}>
      <AppStoreProvider store={stores.app}>
        <CampaignsStoreProvider store={stores.campaigns}>
          <CampaignAuditStoreProvider store={stores.campaignAudit}>
            <EmergencyStoreProvider store={stores.emergency}>
              <DispositionsStoreProvider store={stores.dispositions}>
                <NewCampaignStoreProvider store={stores.newCampaign}>
                  <SimulationStoreProvider store={stores.simulation}>
                    <AuditStoreProvider store={stores.audit}>
                      <SettingsStoreProvider store={stores.settings}>
                        <SchedulesStoreProvider store={stores.schedules}>
                          <AutomationStoreProvider store={stores.automation}>{children}</AutomationStoreProvider>
                        </SchedulesStoreProvider>
                      </SettingsStoreProvider>
                    </AuditStoreProvider>
                  </SimulationStoreProvider>
                </NewCampaignStoreProvider>
              </DispositionsStoreProvider>
            </EmergencyStoreProvider>
          </CampaignAuditStoreProvider>
        </CampaignsStoreProvider>
      </AppStoreProvider>
    </NavigationContext.Provider>
  );
}
