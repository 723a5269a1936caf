/** One alert as the rule reads it, whichever feed format it came in. Times are epoch milliseconds. */
export interface WeatherAlert {
  id: string;
  event?: string;
  /** As the feed says it (`Extreme`, `Severe`, `Moderate`, `Minor`, `Unknown`, or a feed's own word). */
  severity: string;
  /** Campaign regions (`US-<state>`) the alert covers. */
  regions: string[];
  /** When the alert takes effect; null when the feed does not say (in effect from the start). */
  effectiveAt: number | null;
  /** When it ends (`ends`, else `expires`); null when the feed gives neither. */
  endsAt: number | null;
  /** NWS `status`; the simple format has none and counts as `Actual`. */
  status: string;
  /** NWS `messageType` (`Alert`, `Update`, `Cancel`); the simple format counts as `Alert`. */
  messageType: string;
  /** Ids of earlier messages this one updates or cancels (NWS `references[].identifier`). */
  references: string[];
}
