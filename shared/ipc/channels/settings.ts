import { z } from 'zod';
import { optionalUrlSettingSchema } from '../../url-setting';
import { requestChannel } from '../define';

/** User-editable settings that are not secrets. Secrets live in the vault. */
export const consoleSettingsSchema = z.object({
  refreshIntervalSeconds: z.number().int().min(2).max(300).default(10),
  crmWebhookUrl: optionalUrlSettingSchema('CRM webhook URL').default(''),
  wfmWebhookUrl: optionalUrlSettingSchema('WFM webhook URL').default(''),
  marketingWebhookUrl: optionalUrlSettingSchema('Marketing webhook URL').default(''),
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  /** Largest file the browser may upload for a disposition import (a typed path has no limit). */
  maxUploadBytes: z.number().int().min(1_048_576).max(1_099_511_627_776).default(2 * 1024 ** 3),
});
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

export const settingsRequestChannels = {
  'settings:get': requestChannel(z.object({}), consoleSettingsSchema),
  'settings:update': requestChannel(consoleSettingsSchema.partial(), consoleSettingsSchema),
};

export const settingsEventChannels = {
  'settings:changed': consoleSettingsSchema,
};
