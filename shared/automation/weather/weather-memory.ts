import * as z from 'zod';
import type { RuleHold } from '../automation-rules';

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

/** When a campaign whose region has been clear since `clearSince` is the rule's to resume (or to pause again), ISO. */
export const holdDownEndsAt = (clearSince: string, holdDownMinutes: number) => new Date(Date.parse(clearSince) + holdDownMinutes * 60_000).toISOString();

/** What the Automation screen lists for the rule: the campaigns it keeps paused and the people's overrides it backs off from, each in a plain state. */
export function weatherHolds(memory: WeatherMemory, holdDownMinutes: number): RuleHold[] {
  const name = (campaignName: string | undefined) => (campaignName ? { campaignName } : {});
  return [
    ...Object.entries(memory.paused).map(([campaignId, pause]): RuleHold => {
      const until = pause.clearSince ? holdDownEndsAt(pause.clearSince, holdDownMinutes) : null;
      return {
        campaignId,
        ...name(pause.campaignName),
        what: until
          ? `Paused by this rule: the alerts for ${pause.region} have ended; resumes after the hold-down, at ${until}.`
          : `Paused by this rule: severe weather in ${pause.region}; resumes once its alerts end and ${holdDownMinutes} min pass.`,
        since: pause.pausedAt,
        state: until ? 'waiting-hold-down' : 'paused-by-rule',
        until,
        region: pause.region,
        holdDownMinutes,
      };
    }),
    ...Object.entries(memory.overrides).map(([campaignId, override]): RuleHold => {
      const until = override.clearSince ? holdDownEndsAt(override.clearSince, holdDownMinutes) : null;
      return {
        campaignId,
        ...name(override.campaignName),
        what: `Resumed by a person during the ${override.region} alert: left running, not paused again until its alerts end${until ? ` (the hold-down ends at ${until})` : ''}.`,
        since: override.since,
        state: 'resumed-by-person',
        until,
        region: override.region,
        holdDownMinutes,
      };
    }),
  ];
}
