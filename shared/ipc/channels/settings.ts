import * as z from 'zod';
import { consoleSettingsSchema, settingsChangeSchema, settingsProblemSchema } from '../../settings/console-settings';
import { requestChannel } from '../define';

export const settingsRequestChannels = {
  'settings:get': requestChannel(z.object({}), consoleSettingsSchema),
  'settings:update': requestChannel(settingsChangeSchema, consoleSettingsSchema),
  'settings:problems': requestChannel(z.object({}), z.array(settingsProblemSchema)),
};

export const settingsEventChannels = {
  'settings:changed': consoleSettingsSchema,
};
