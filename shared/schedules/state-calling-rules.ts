/**
 * Calling-hour rules for telephone solicitation, called-party local time. One table:
 * the gate reads nothing else. Hours are [start, end) as HH:mm; a day absent from
 * `hours` falls back to `weekdays`; `null` means no calls that day. `holidays` bans the
 * state's public holidays as date-holidays lists them. Each citation was checked on
 * 2026-12-02 against the statute's text or a copy of it where one could be found; `note`
 * says what could not be confirmed. For a compliance officer to confirm, not legal advice.
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
  /** What the review could not confirm, or where the hours rest on a secondary source. */
  note?: string;
}

const reviewed = '2026-12-02';
const federalHours: CallingHours = { start: '08:00', end: '21:00' };

export const federalCallingRule: StateCallingRule = {
  state: 'US',
  name: 'Federal (TCPA)',
  hours: { weekdays: federalHours },
  holidays: false,
  source:
    '47 CFR 64.1200(c)(1): no telephone solicitation to a residential subscriber before 8 a.m. or after 9 p.m. (local time at the called party’s location)',
  reviewed,
};

export const stateCallingRules: readonly StateCallingRule[] = [
  {
    state: 'AL',
    name: 'Alabama',
    hours: { weekdays: federalHours, sunday: null },
    holidays: true,
    source: 'Alabama Telemarketing Act, Ala. Code § 8-19A-1 et seq., and Ala. Admin. Code r. 770-X-9-.01: 8 a.m.–9 p.m., none on Sunday or state holidays',
    reviewed,
    note: 'Not confirmed: § 8-19A-14, cited before, is the contract-requirements section, not calling hours; the rule behind the hours and the Sunday and holiday bans was not found. One vendor summary reads 8 a.m.–8 p.m. Monday–Saturday; the hours are kept until a compliance officer confirms them.',
  },
  {
    state: 'CT',
    name: 'Connecticut',
    hours: { weekdays: { start: '09:00', end: '20:00' } },
    holidays: false,
    source: 'Conn. Gen. Stat. § 42-288a (telephonic sales calls; prohibited acts): 9 a.m.–8 p.m.',
    reviewed,
    note: 'The section is confirmed; the subsection that sets the hours was not.',
  },
  {
    state: 'FL',
    name: 'Florida',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    callsPer24Hours: 3,
    source:
      'Fla. Stat. § 501.616(6)(a): no commercial telephone solicitation before 8 a.m. or after 8 p.m. at the called person’s location; § 501.616(6)(b): no more than 3 calls to a person over a 24-hour period on the same subject matter or issue',
    reviewed,
  },
  {
    state: 'KY',
    name: 'Kentucky',
    hours: { weekdays: { start: '10:00', end: '21:00' } },
    holidays: false,
    source: 'Ky. Rev. Stat. § 367.46955 (prohibited telephone solicitation acts and practices): 10 a.m.–9 p.m.',
    reviewed,
    note: 'The section is confirmed; subsection (15) and its hours were not.',
  },
  {
    state: 'LA',
    name: 'Louisiana',
    hours: { weekdays: { start: '08:00', end: '20:00' }, sunday: null },
    holidays: true,
    source:
      'La. Rev. Stat. § 45:844.14 (Telephone Solicitation Relief Act of 2001: listing procedures; prohibited acts): 8 a.m.–8 p.m., none on Sunday or legal holidays',
    reviewed,
    note: 'The section is confirmed; its hours and the Sunday and holiday bans were not seen in its text.',
  },
  {
    state: 'MA',
    name: 'Massachusetts',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    source:
      'Mass. Gen. Laws ch. 159C § 3 (unsolicited telephonic sales calls; limitations) and 201 CMR 12.02(2): no unsolicited telephonic sales call between 8 p.m. and 8 a.m. at the consumer’s location',
    reviewed,
  },
  {
    state: 'MD',
    name: 'Maryland',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    callsPer24Hours: 3,
    source:
      'Md. Code, Com. Law § 14-4501 et seq. (Stop the Spam Calls Act of 2023, in force 2024-01-01), prohibitions in § 14-4502: 8 a.m.–8 p.m.; at most 3 calls or texts per 24 h on the same subject to the same called party',
    reviewed,
    note: 'The Act and § 14-4502 as its prohibitions section are confirmed (§ 14-4503, cited before, was not); the hours and the 3-per-24 h limit are confirmed from reports of the Act, not from the subsection text.',
  },
  {
    state: 'MI',
    name: 'Michigan',
    hours: { weekdays: { start: '09:00', end: '21:00' } },
    holidays: false,
    source: 'Mich. Comp. Laws § 445.111 et seq. (Home Solicitation Sales Act, telephone solicitation): 9 a.m.–9 p.m.',
    reviewed,
    note: 'Not confirmed: § 445.111b, cited before, covers what a caller must disclose and caller ID, not hours; no Michigan rule setting 9 a.m.–9 p.m. was found. Hours kept until confirmed.',
  },
  {
    state: 'MN',
    name: 'Minnesota',
    hours: { weekdays: { start: '09:00', end: '21:00' } },
    holidays: false,
    source: 'Minn. Stat. § 325E.27: 9 a.m.–9 p.m.',
    reviewed,
    note: 'Not confirmed: the text of § 325E.27 was not found in the review.',
  },
  {
    state: 'MS',
    name: 'Mississippi',
    hours: { weekdays: { start: '08:00', end: '20:00' }, sunday: null },
    holidays: false,
    source: 'Miss. Code Ann. § 77-3-725 (Telephone Solicitation Act): 8 a.m.–8 p.m., none on Sunday',
    reviewed,
    note: 'Not confirmed: the text of § 77-3-725 was not found. (§ 79-11-524, for charitable fund-raisers only, allows 9 a.m.–9 p.m. Monday–Saturday and no Sunday calls.)',
  },
  {
    state: 'NM',
    name: 'New Mexico',
    hours: { weekdays: { start: '09:00', end: '21:00' }, sunday: null },
    holidays: true,
    source: 'N.M. Stat. Ann. § 57-12-22(B)(5): no telephone solicitation received before 9 a.m. or after 9 p.m.; none on Sunday or legal holidays',
    reviewed,
    note: 'The 9 a.m.–9 p.m. hours are confirmed; the Sunday and legal-holiday bans were not seen in the part of the section reviewed.',
  },
  {
    state: 'NV',
    name: 'Nevada',
    hours: { weekdays: { start: '09:00', end: '20:00' } },
    holidays: false,
    source:
      'Nev. Rev. Stat. § 597.814(2)(a): no call by an automatic dialing and announcing device received between 9 p.m. and 9 a.m.; 8 p.m. end as the team had it',
    reviewed,
    note: 'Partly confirmed: § 597.814 covers prerecorded-message devices only and says 9 a.m.–9 p.m.; the 8 p.m. end for other calls was not found. Hours kept until confirmed.',
  },
  {
    state: 'OK',
    name: 'Oklahoma',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    callsPer24Hours: 3,
    source:
      'Okla. Stat. tit. 15, § 775C.1 et seq. (Telephone Solicitation Act of 2022, in force 2022-11-01): 8 a.m.–8 p.m.; at most 3 commercial telephonic sales calls per 24 h on the same subject',
    reviewed,
    note: 'The Act (§ 775C.2 definitions) is confirmed and reports of it give the hours and the 3-per-24 h limit; the section holding them (cited before as § 775C.4) was not confirmed.',
  },
  {
    state: 'PA',
    name: 'Pennsylvania',
    hours: { weekdays: federalHours, sunday: { start: '13:30', end: '21:00' } },
    holidays: false,
    source: 'Telemarketer Registration Act, 73 P.S. § 2241 et seq. (unlawful acts in § 2245): Monday–Saturday 8 a.m.–9 p.m., Sunday 1:30 p.m.–9 p.m.',
    reviewed,
    note: 'Not confirmed: § 2245.2(a), cited before, is the do-not-call-list rule, not hours. Secondary sources disagree (one reads 9 a.m.–8 p.m.; another reports Sunday calls banned from 2026-10-18). Hours kept until a compliance officer confirms them.',
  },
  {
    state: 'RI',
    name: 'Rhode Island',
    hours: { weekdays: { start: '09:00', end: '18:00' }, saturday: { start: '10:00', end: '17:00' }, sunday: null },
    holidays: true,
    source:
      'R.I. Gen. Laws § 5-61-3.6 (hours of operation, as defined in § 5-61-2(9)): weekdays 9 a.m.–6 p.m., Saturday 10 a.m.–5 p.m., none on Sunday or legal holidays',
    reviewed,
    note: '§ 5-61-3.6 is confirmed; the hours themselves are in § 5-61-2(9), whose text was not seen.',
  },
  {
    state: 'TX',
    name: 'Texas',
    hours: { weekdays: { start: '09:00', end: '21:00' }, sunday: { start: '12:00', end: '21:00' } },
    holidays: false,
    source: 'Tex. Bus. & Com. Code § 301.051 (telephone solicitation requirements): Monday–Saturday 9 a.m.–9 p.m., Sunday noon–9 p.m.',
    reviewed,
    note: 'The section is confirmed; its hours were not seen in its text.',
  },
  {
    state: 'UT',
    name: 'Utah',
    hours: { weekdays: federalHours, sunday: null },
    holidays: true,
    source: 'Utah Code § 13-25a-103(3): no telephone solicitation without prior express consent between 9 p.m. and 8 a.m., on a Sunday or on a legal holiday',
    reviewed,
  },
  {
    state: 'WA',
    name: 'Washington',
    hours: { weekdays: { start: '08:00', end: '20:00' } },
    holidays: false,
    source: 'Rev. Code Wash. § 19.158.040(2): no commercial telephone solicitation received before 8 a.m. or after 8 p.m. at the recipient’s local time',
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
