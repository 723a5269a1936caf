import type { ComponentType } from 'react';
import { AuditScreen } from '../features/audit/AuditScreen';
import { AutomationScreen } from '../features/automation/AutomationScreen';
import { CampaignsScreen } from '../features/campaigns/CampaignsScreen';
import { DispositionsScreen } from '../features/dispositions/DispositionsScreen';
import { NewCampaignScreen } from '../features/new-campaign/NewCampaignScreen';
import { SchedulesScreen } from '../features/schedules/SchedulesScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import type { ScreenId } from './screen-ids';

export const screens = [
  { id: 'campaigns', label: 'Campaigns', component: CampaignsScreen },
  { id: 'dispositions', label: 'Dispositions', component: DispositionsScreen },
  { id: 'new-campaign', label: 'New campaign', component: NewCampaignScreen },
  { id: 'schedules', label: 'Schedules', component: SchedulesScreen },
  { id: 'automation', label: 'Automation', component: AutomationScreen },
  { id: 'audit', label: 'Audit log', component: AuditScreen },
  { id: 'settings', label: 'Settings', component: SettingsScreen },
] as const satisfies readonly { id: ScreenId; label: string; component: ComponentType }[];
