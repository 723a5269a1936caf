/** Fixed vocabularies the seeded tenant draws from; the seed decides the picks. */

export interface Region {
  code: string;
  stateCode: string;
  timezone: string;
  areaCodes: readonly string[];
}

export const regions: readonly Region[] = [
  { code: 'US-TX', stateCode: 'TX', timezone: 'America/Chicago', areaCodes: ['512', '214', '713', '210'] },
  { code: 'US-CA', stateCode: 'CA', timezone: 'America/Los_Angeles', areaCodes: ['213', '415', '619', '916'] },
  { code: 'US-NY', stateCode: 'NY', timezone: 'America/New_York', areaCodes: ['212', '718', '518', '716'] },
  { code: 'US-FL', stateCode: 'FL', timezone: 'America/New_York', areaCodes: ['305', '407', '813', '904'] },
  { code: 'US-IL', stateCode: 'IL', timezone: 'America/Chicago', areaCodes: ['312', '773', '217'] },
  { code: 'US-AZ', stateCode: 'AZ', timezone: 'America/Phoenix', areaCodes: ['602', '480', '520'] },
  { code: 'US-CO', stateCode: 'CO', timezone: 'America/Denver', areaCodes: ['303', '720', '719'] },
  { code: 'US-WA', stateCode: 'WA', timezone: 'America/Los_Angeles', areaCodes: ['206', '509', '253'] },
  { code: 'US-GA', stateCode: 'GA', timezone: 'America/New_York', areaCodes: ['404', '678', '912'] },
  { code: 'US-LA', stateCode: 'LA', timezone: 'America/Chicago', areaCodes: ['504', '225', '337'] },
];

export const campaignProducts = [
  'Auto Renewals',
  'Home Insurance Quotes',
  'Solar Leads',
  'Medicare Enrollment',
  'Past-Due Reminders',
  'Appointment Confirmations',
  'Win-Back Offers',
  'Fiber Upgrade',
  'Donor Outreach',
  'Survey Follow-up',
  'Card Activation',
  'Lease Renewals',
  'Storm Prep Outreach',
  'Warranty Extensions',
] as const;

export const campaignSuffixes = ['Q4', 'Q1', 'Holiday', 'Wave 2', 'Pilot', '2026', 'Spring', 'Retention'] as const;

export const contactListKinds = [
  'Renewal Prospects',
  'Web Leads',
  'Lapsed Customers',
  'Event Signups',
  'Past-Due Accounts',
  'Enrollment Prospects',
  'Donor File',
  'Survey Panel',
] as const;

export const cronExpressions = ['0 9 * * 1-5', '30 8 * * 1-5', '0 10 * * 1-6', '0 12 * * 1-5', '0 17 * * 1-5', '15 9 * * 1-4'] as const;

export const wrapUpCodeCatalog = [
  { name: 'Interested', outcomeCode: 'INTERESTED' },
  { name: 'Not interested', outcomeCode: 'NOT_INTERESTED' },
  { name: 'Call back later', outcomeCode: 'CALLBACK_LATER' },
  { name: 'Do not call', outcomeCode: 'DO_NOT_CALL' },
  { name: 'No answer', outcomeCode: 'NO_ANSWER' },
  { name: 'Busy signal', outcomeCode: 'BUSY' },
  { name: 'Wrong number', outcomeCode: 'WRONG_NUMBER' },
  { name: 'Left voicemail', outcomeCode: 'VOICEMAIL_LEFT' },
] as const;

/** Outcomes of finished calls, weighted roughly like a real outbound floor. */
export const outcomeWeights: readonly (readonly [string, number])[] = [
  ['NO_ANSWER', 30],
  ['NOT_INTERESTED', 22],
  ['INTERESTED', 12],
  ['CALLBACK_LATER', 12],
  ['BUSY', 9],
  ['VOICEMAIL_LEFT', 8],
  ['WRONG_NUMBER', 4],
  ['DO_NOT_CALL', 3],
];

/** Outcomes that end a call before an agent takes it. */
export const unansweredOutcomes: ReadonlySet<string> = new Set(['NO_ANSWER', 'BUSY', 'VOICEMAIL_LEFT']);

export const dncListCatalog = [
  { name: 'Federal DNC Registry Mirror', state: 'ACTIVE' },
  { name: 'Internal Opt-Outs', state: 'ACTIVE' },
  { name: 'Legacy 2019 Suppression', state: 'INACTIVE' },
] as const;

export const agentFirstNames = [
  'Maria',
  'James',
  'Aisha',
  'Carlos',
  'Emily',
  'Devon',
  'Priya',
  'Marcus',
  'Hannah',
  'Luis',
  'Grace',
  'Andre',
  'Sofia',
  'Tyler',
  'Mei',
  'Jordan',
  'Fatima',
  'Noah',
  'Olivia',
  'Ethan',
  'Keisha',
  'Diego',
  'Chloe',
  'Samuel',
] as const;

export const agentLastNames = [
  'Garcia',
  'Johnson',
  'Patel',
  'Nguyen',
  'Smith',
  'Williams',
  'Brown',
  'Martinez',
  'Lee',
  'Davis',
  'Lopez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Jackson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
] as const;

/** Seeded timestamps hang off this fixed instant so that a seed always yields identical data. */
export const seedAnchorMs = Date.UTC(2026, 10, 2, 15, 0, 0);

export function weightedPick<T>(weights: readonly (readonly [T, number])[], roll: number): T {
  const total = weights.reduce((sum, [, weight]) => sum + weight, 0);
  let remaining = roll * total;
  for (const [value, weight] of weights) {
    remaining -= weight;
    if (remaining < 0) return value;
  }
  const last = weights[weights.length - 1];
  if (!last) throw new Error('weightedPick needs at least one weight');
  return last[0];
}
