import { z } from 'zod';

const isoTime = z.string();

/** A campaign this rule paused and keeps paused until its region has been clear for the hold-down. */
export const weatherPauseSchema = z.object({
  campaignName: z.string().optional(),
  region: z.string(),
  pausedAt: isoTime,
  /** The campaign's version after the rule's own pause: a different one means someone changed it since. */
  version: z.number().int(),
  alertIds: z.array(z.string()),
  /** The first tick that saw no alert in effect for the region; null while one is. */
  clearSince: isoTime.nullable(),
});
export type WeatherPause = z.infer<typeof weatherPauseSchema>;

/** A campaign a person resumed while its region's alert continued: the rule backs off until the region is clear for the hold-down. */
export const weatherOverrideSchema = z.object({
  campaignName: z.string().optional(),
  region: z.string(),
  since: isoTime,
  alertIds: z.array(z.string()),
  clearSince: isoTime.nullable(),
});
export type WeatherOverride = z.infer<typeof weatherOverrideSchema>;

export const weatherMemorySchema = z.object({
  paused: z.record(z.string(), weatherPauseSchema).default({}),
  overrides: z.record(z.string(), weatherOverrideSchema).default({}),
});
export type WeatherMemory = z.infer<typeof weatherMemorySchema>;

export const initialWeatherMemory = (): WeatherMemory => ({ paused: {}, overrides: {} });

/** What the Automation screen lists for the rule: the campaigns it keeps paused and the people's overrides it backs off from. */
export function weatherHolds(memory: WeatherMemory): { campaignId: string; campaignName?: string; what: string; since: string }[] {
  const name = (campaignName: string | undefined) => (campaignName ? { campaignName } : {});
  return [
    ...Object.entries(memory.paused).map(([campaignId, pause]) => ({
      campaignId,
      ...name(pause.campaignName),
      what: pause.clearSince
        ? `Kept paused: the alerts for ${pause.region} ended, waiting out the hold-down.`
        : `Kept paused: severe weather in ${pause.region}.`,
      since: pause.pausedAt,
    })),
    ...Object.entries(memory.overrides).map(([campaignId, override]) => ({
      campaignId,
      ...name(override.campaignName),
      what: `Resumed by a person during the ${override.region} alert: not paused again until it ends.`,
      since: override.since,
    })),
  ];
}
