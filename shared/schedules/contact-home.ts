import { isKnownZone } from './local-time';
import { areaCodeOf, nanpAreaCodes } from './nanp-area-codes';

/** What the gate needs of a contact: the contract's fields plus a state where the list carries one. */
export interface GateContact {
  phone: string;
  timezone?: string | null;
  /** Two-letter state where the list knows it; else taken from the area code. */
  usState?: string | null;
}

/** Where a contact lives for calling-hour purposes; `timezone` null = unknown. */
export interface ContactHome {
  timezone: string | null;
  state: string | null;
  zoneFrom: 'contact' | 'area_code' | 'unknown';
}

/** The contact's own zone first, then the one its area code implies; the state from the list, else the area code. */
export function contactHome(contact: GateContact): ContactHome {
  const areaCode = areaCodeOf(contact.phone);
  const byAreaCode = areaCode === null ? undefined : nanpAreaCodes.get(areaCode);
  const state = contact.usState && /^[A-Z]{2}$/.test(contact.usState) ? contact.usState : (byAreaCode?.state ?? null);
  if (contact.timezone && isKnownZone(contact.timezone)) return { timezone: contact.timezone, state, zoneFrom: 'contact' };
  if (byAreaCode) return { timezone: byAreaCode.timezone, state, zoneFrom: 'area_code' };
  return { timezone: null, state, zoneFrom: 'unknown' };
}
