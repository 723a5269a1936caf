import * as z from 'zod';
import type { Result } from '../../errors';
import { normalizeRegion, regionOfUgc } from './ugc-region';
import type { WeatherAlert } from './weather-alert';

const dateTime = z.string().refine((text) => !Number.isNaN(Date.parse(text)), { message: 'is not a date-time' });
const optionalDateTime = dateTime.nullable().optional();
const word = z.string().trim().min(1, 'is empty');

/** Contract §6, the simple format: `{ alerts: [{ id, severity, regions, expires }] }` (NWS-style extras accepted). */
const simpleFeedSchema = z.object({
  alerts: z.array(
    z.object({
      id: word,
      severity: z.string(),
      regions: z.array(z.string()),
      expires: optionalDateTime,
      ends: optionalDateTime,
      effective: optionalDateTime,
      event: z.string().optional(),
      status: z.string().optional(),
      messageType: z.string().optional(),
      references: z.array(z.string()).optional(),
    }),
  ),
});

/** Contract §6, the US National Weather Service `/alerts/active` GeoJSON: only the properties the rule reads. */
const nwsFeedSchema = z.object({
  type: z.literal('FeatureCollection').optional(),
  features: z.array(
    z.object({
      properties: z.object({
        id: word,
        event: z.string().nullable().optional(),
        severity: z.string(),
        status: word,
        messageType: word,
        effective: optionalDateTime,
        expires: optionalDateTime,
        ends: optionalDateTime,
        geocode: z.object({ UGC: z.array(z.string()).optional() }).optional(),
        references: z.array(z.object({ identifier: z.string() })).optional(),
      }),
    }),
  ),
});

const timeOf = (text: string | null | undefined): number | null => (text ? Date.parse(text) : null);
const unique = (items: (string | null)[]) => [...new Set(items.filter((item): item is string => item !== null))];

function issueText(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'it does not have the expected shape';
  const path = issue.path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`)).join('');
  return `${path || 'the document'}: ${issue.message}`;
}

/**
 * Reads an alerts document in either format of contract §6. A document in neither shape, or with one
 * alert that cannot be read, is refused whole (naming the alert and field): acting on part of a feed could
 * resume a campaign whose alert is the one that was skipped.
 */
export function parseAlertFeed(document: unknown): Result<WeatherAlert[], string> {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    return { ok: false, error: 'The alerts feed is not a JSON object (expected `alerts` or a GeoJSON `features` list).' };
  }
  if ('alerts' in document) {
    const parsed = simpleFeedSchema.safeParse(document);
    if (!parsed.success) return { ok: false, error: `The alerts feed cannot be read: ${issueText(parsed.error)}.` };
    return {
      ok: true,
      value: parsed.data.alerts.map((alert) => ({
        id: alert.id,
        ...(alert.event ? { event: alert.event } : {}),
        severity: alert.severity,
        regions: unique(alert.regions.map(normalizeRegion)),
        effectiveAt: timeOf(alert.effective),
        endsAt: timeOf(alert.ends ?? alert.expires),
        status: alert.status ?? 'Actual',
        messageType: alert.messageType ?? 'Alert',
        references: alert.references ?? [],
      })),
    };
  }
  if ('features' in document) {
    const parsed = nwsFeedSchema.safeParse(document);
    if (!parsed.success) return { ok: false, error: `The alerts feed (NWS GeoJSON) cannot be read: ${issueText(parsed.error)}.` };
    return {
      ok: true,
      value: parsed.data.features.map(({ properties: alert }) => ({
        id: alert.id,
        ...(alert.event ? { event: alert.event } : {}),
        severity: alert.severity,
        regions: unique((alert.geocode?.UGC ?? []).map(regionOfUgc)),
        effectiveAt: timeOf(alert.effective),
        endsAt: timeOf(alert.ends ?? alert.expires),
        status: alert.status,
        messageType: alert.messageType,
        references: (alert.references ?? []).map((reference) => reference.identifier),
      })),
    };
  }
  return { ok: false, error: 'The alerts feed has neither `alerts` (simple format) nor `features` (NWS GeoJSON).' };
}
