import * as z from 'zod';
import { optionalUrlSettingSchema } from '../url-setting';

/** Each user-editable setting that is not a secret (secrets live in the vault), without its default. */
const settingFields = {
  refreshIntervalSeconds: z.number().int().min(2).max(300),
  crmWebhookUrl: optionalUrlSettingSchema('CRM webhook URL'),
  wfmWebhookUrl: optionalUrlSettingSchema('WFM webhook URL'),
  marketingWebhookUrl: optionalUrlSettingSchema('Marketing webhook URL'),
  theme: z.enum(['system', 'light', 'dark']),
  /** Largest file the browser may upload for a disposition import (a typed path has no limit). */
  maxUploadBytes: z.number().int().min(1_048_576).max(1_099_511_627_776),
  /** The audit log rotates (and compresses the old file) once the current file would pass this size. */
  auditMaxFileMegabytes: z.number().int().min(1).max(1024),
  /** Rotated audit files older than this many days are removed (after a checkpoint entry); null keeps everything. */
  auditRetentionDays: z.number().int().min(1).max(36_500).nullable(),
};

/** The settings as used: every one present, defaults filled in. */
export const consoleSettingsSchema = z.object({
  refreshIntervalSeconds: settingFields.refreshIntervalSeconds.default(10),
  crmWebhookUrl: settingFields.crmWebhookUrl.default(''),
  wfmWebhookUrl: settingFields.wfmWebhookUrl.default(''),
  marketingWebhookUrl: settingFields.marketingWebhookUrl.default(''),
  theme: settingFields.theme.default('system'),
  maxUploadBytes: settingFields.maxUploadBytes.default(2 * 1024 ** 3),
  auditMaxFileMegabytes: settingFields.auditMaxFileMegabytes.default(10),
  auditRetentionDays: settingFields.auditRetentionDays.default(null),
});
/** A change names only what it changes: no defaults are filled in, so an update never resets what it does not name. */
export const settingsChangeSchema = z.object(settingFields).partial();
export type ConsoleSettings = z.infer<typeof consoleSettingsSchema>;

/** Below this a retention limit removes records US telemarketing rules (FTC TSR, 16 CFR 310.5) may require: the screen warns. */
export const auditRetentionWarnBelowDays = 5 * 365 + 1;

/** A stored setting that is not valid: its value is kept in the file, and the default used until it is fixed. */
export const settingsProblemSchema = z.object({
  setting: z.string(),
  message: z.string(),
});
export type SettingsProblem = z.infer<typeof settingsProblemSchema>;
