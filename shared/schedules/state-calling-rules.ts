/**
 * Calling-hour rules for telephone solicitation, called-party local time. One table:
 * the gate reads nothing else. Hours are [start, end) as HH:mm; a day absent from
 * `hours` falls back to `weekdays`; `null` means no calls that day. `holidays` bans the
 * state's public holidays as date-holidays lists them. Citations were compiled from the
 * statutes as the team knows them and are for a compliance officer to confirm, not legal advice.
 */
export interface CallingHours {
  start: string;
  end: string;
}

export interface StateCallingRule {
  /** Two-letter USPS code; `US` is the federal floor every state adds to. */
  state: string;
  name: string;
  hours: { weekdays: CallingHours; saturday?: CallingHours | null; sunday?: CallingHours | null };
  holidays: boolean;
  /** Most calls to one person on one subject within 24 hours, where the state limits it. */
  callsPer24Hours?: number;
  source: string;
  reviewed: string;
}

const reviewed = '2026-12-02';
const federalHours: CallingHours = { start: '08:00', end: '21:00' };

export const federalCallingRule: StateCallingRule = {
  state: 'US',
  name: 'Federal (TCPA)',
  hours: { weekdays: federalHours },
  holidays: false,
  source: '47 CFR 64.1200(c)(1): no solicitation before 8 a.m. or after 9 p.m. at the called party’s location',
  reviewed,
};

export const stateCallingRules: readonly StateCallingRule[] = [
  {
    state: 'AL',
    name: 'Alabama',
    hours: { weekdays: federalHours, sunday: null },
    holidays: true,
    source: 'Ala. Code § 8-19A-14 and Ala. Admin. Code r. 770-X-9-.01: 8 a.m.–9 p.m., none on Sunday or state holidays',
    reviewed,
  },
  {
    state: 'CT',
    name: 'Connecticut',
    hours: { weekdays: { start: '09:00', end: '20:00' } },
    holidays: false,
    source: 'Conn. Gen. Stat. § 42-288a(d): 9 a.m.–8 p.m.',
    reviewed,
  },
  {
    state: 'FL',
    name: 'Florida',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    callsPer24Hours: 3,
    source: 'Fla. Stat. § 501.616(6): 8 a.m.–8 p.m.; at most 3 calls per 24 h on one subject',
    reviewed,
  },
  {
    state: 'KY',
    name: 'Kentucky',
    hours: { weekdays: { start: '10:00', end: '21:00' } },
    holidays: false,
    source: 'Ky. Rev. Stat. § 367.46955(15): 10 a.m.–9 p.m.',
    reviewed,
  },
  {
    state: 'LA',
    name: 'Louisiana',
    hours: { weekdays: { start: '08:00', end: '20:00' }, sunday: null },
    holidays: true,
    source: 'La. Rev. Stat. § 45:844.14: 8 a.m.–8 p.m., none on Sunday or legal holidays',
    reviewed,
  },
  {
    state: 'MA',
    name: 'Massachusetts',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    source: 'Mass. Gen. Laws ch. 159C § 3 and 940 CMR 19.04: 8 a.m.–8 p.m.',
    reviewed,
  },
  {
    state: 'MD',
    name: 'Maryland',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    callsPer24Hours: 3,
    source: 'Md. Code, Com. Law § 14-4503 (Stop the Spam Calls Act of 2023): 8 a.m.–8 p.m.; at most 3 calls per 24 h on one subject',
    reviewed,
  },
  {
    state: 'MI',
    name: 'Michigan',
    hours: { weekdays: { start: '09:00', end: '21:00' } },
    holidays: false,
    source: 'Mich. Comp. Laws § 445.111b: 9 a.m.–9 p.m.',
    reviewed,
  },
  {
    state: 'MN',
    name: 'Minnesota',
    hours: { weekdays: { start: '09:00', end: '21:00' } },
    holidays: false,
    source: 'Minn. Stat. § 325E.27: 9 a.m.–9 p.m.',
    reviewed,
  },
  {
    state: 'MS',
    name: 'Mississippi',
    hours: { weekdays: { start: '08:00', end: '20:00' }, sunday: null },
    holidays: false,
    source: 'Miss. Code Ann. § 77-3-725: 8 a.m.–8 p.m., none on Sunday',
    reviewed,
  },
  {
    state: 'NM',
    name: 'New Mexico',
    hours: { weekdays: { start: '09:00', end: '21:00' }, sunday: null },
    holidays: true,
    source: 'N.M. Stat. Ann. § 57-12-22: 9 a.m.–9 p.m., none on Sunday or legal holidays',
    reviewed,
  },
  {
    state: 'NV',
    name: 'Nevada',
    hours: { weekdays: { start: '09:00', end: '20:00' } },
    holidays: false,
    source: 'Nev. Rev. Stat. § 597.814: 9 a.m.–8 p.m.',
    reviewed,
  },
  {
    state: 'OK',
    name: 'Oklahoma',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    callsPer24Hours: 3,
    source: 'Okla. Stat. tit. 15, § 775C.4 (Telephone Solicitation Act of 2022): 8 a.m.–8 p.m.; at most 3 calls per 24 h on one subject',
    reviewed,
  },
  {
    state: 'PA',
    name: 'Pennsylvania',
    hours: { weekdays: federalHours, sunday: { start: '13:30', end: '21:00' } },
    holidays: false,
    source: '73 P.S. § 2245.2(a): Monday–Saturday 8 a.m.–9 p.m., Sunday 1:30 p.m.–9 p.m.',
    reviewed,
  },
  {
    state: 'RI',
    name: 'Rhode Island',
    hours: { weekdays: { start: '09:00', end: '18:00' }, saturday: { start: '10:00', end: '17:00' }, sunday: null },
    holidays: true,
    source: 'R.I. Gen. Laws § 5-61-3.4: weekdays 9 a.m.–6 p.m., Saturday 10 a.m.–5 p.m., none on Sunday or legal holidays',
    reviewed,
  },
  {
    state: 'TX',
    name: 'Texas',
    hours: { weekdays: { start: '09:00', end: '21:00' }, sunday: { start: '12:00', end: '21:00' } },
    holidays: false,
    source: 'Tex. Bus. & Com. Code § 301.051: Monday–Saturday 9 a.m.–9 p.m., Sunday noon–9 p.m.',
    reviewed,
  },
  {
    state: 'UT',
    name: 'Utah',
    hours: { weekdays: federalHours, sunday: null },
    holidays: true,
    source: 'Utah Code § 13-25a-103: 8 a.m.–9 p.m., none on Sunday or legal holidays',
    reviewed,
  },
  {
    state: 'WA',
    name: 'Washington',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    source: 'Rev. Code Wash. § 80.36.390(6): 8 a.m.–8 p.m.',
    reviewed,
  },
];

const byState = new Map(stateCallingRules.map((rule) => [rule.state, rule]));

export const stateCallingRuleOf = (state: string | null): StateCallingRule | undefined => (state === null ? undefined : byState.get(state));

/** The hours a rule allows on a day of the week (0 = Sunday); null = no calls that day. */
export function hoursOn(rule: StateCallingRule, dayOfWeek: number): CallingHours | null {
  if (dayOfWeek === 0 && rule.hours.sunday !== undefined) return rule.hours.sunday;
  if (dayOfWeek === 6 && rule.hours.saturday !== undefined) return rule.hours.saturday;
  return rule.hours.weekdays;
}
