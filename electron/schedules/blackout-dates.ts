import * as z from 'zod';
import { isCalendarDate } from '../../shared/schedules/local-time';
import { createJsonFileStore } from '../settings/json-file-store';
import type { KeyValueStore } from '../settings/key-value-store';

/**
 * A campaign's blackout dates (no dialing on those dates, in the schedule's zone). The contract's
 * schedule object (§4.1) has no field for them, so the console keeps them in its data folder,
 * per tenant and campaign, and hands them to the window expansion and the gate.
 */
export interface BlackoutDates {
  get(tenantId: string, campaignId: string): string[];
  set(tenantId: string, campaignId: string, dates: readonly string[]): void;
}

const storedSchema = z.array(z.string().refine(isCalendarDate));

const keyOf = (tenantId: string, campaignId: string) => `${tenantId}/${campaignId}`;

export function createBlackoutDates(store: KeyValueStore): BlackoutDates {
  return {
    get(tenantId, campaignId) {
      const parsed = storedSchema.safeParse(store.get(keyOf(tenantId, campaignId)));
      return parsed.success ? parsed.data : [];
    },
    set(tenantId, campaignId, dates) {
      const unique = [...new Set(dates)].filter(isCalendarDate).sort();
      if (unique.length === 0) store.delete(keyOf(tenantId, campaignId));
      else store.set(keyOf(tenantId, campaignId), unique);
    },
  };
}

/** `<dataDir>/schedules/blackout-dates.json`: the one file every shell and the command line read. */
export const blackoutDatesIn = (schedulesDir: string): BlackoutDates => createBlackoutDates(createJsonFileStore(`${schedulesDir}/blackout-dates.json`));

/** Blackout dates are kept per tenant API (its host), so the app and the command line find the same ones. */
export const blackoutTenantKey = (profile: { apiBaseUrl: string }): string => {
  try {
    return new URL(profile.apiBaseUrl).host;
  } catch {
    return profile.apiBaseUrl;
  }
};
