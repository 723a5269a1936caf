/** Postal codes of the states, DC and the territories; NWS marine zones (GMZ…, ANZ…, PZZ…) start with other letters. */
const usStates = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY ' +
    'PR VI GU AS MP'
  ).split(' '),
);

/** The campaign region of an NWS UGC zone or county code (`TXZ211` → `US-TX`); null for a marine zone or a code that is not one. */
export function regionOfUgc(code: string): string | null {
  const match = /^([A-Z]{2})[ZC]\d{3}$/.exec(code.trim().toUpperCase());
  const state = match?.[1];
  return state && usStates.has(state) ? `US-${state}` : null;
}

/** How a campaign's `customAttributes.region` and an alert's region are compared: trimmed, upper case. */
export const normalizeRegion = (region: string): string => region.trim().toUpperCase();
