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

const resumeAt = (clearSince: string, holdDownMinutes: number) => new Date(Date.parse(clearSince) + holdDownMinutes * 60_000).toISOString();

/** What the Automation screen lists for the rule: the campaigns it keeps paused and the people's overrides it backs off from. */
export function weatherHolds(memory: WeatherMemory, holdDownMinutes: number): { campaignId: string; campaignName?: string; what: string; since: string }[] {
  const name = (campaignName: string | undefined) => (campaignName ? { campaignName } : {});
  return [
    ...Object.entries(memory.paused).map(([campaignId, pause]) => ({
      campaignId,
      ...name(pause.campaignName),
      what: pause.clearSince
        ? `Paused by this rule: the alerts for ${pause.region} have ended; resumes after the hold-down, at ${resumeAt(pause.clearSince, holdDownMinutes)}.`
        : `Paused by this rule: severe weather in ${pause.region}; resumes once its alerts end and ${holdDownMinutes} min pass.`,
      since: pause.pausedAt,
    })),
    ...Object.entries(memory.overrides).map(([campaignId, override]) => ({
      campaignId,
      ...name(override.campaignName),
      what: `Resumed by a person during the ${override.region} alert: left running, not paused again until its alerts end.`,
      since: override.since,
    })),
  ];
}
