// The compliance gate at the size issue #15 names: 100,000 contacts in 40 zones over 14 days.
// Prints nothing itself and asserts nothing; scripts/bench/index.ts prints what it returns.
import { checkSchedule } from '../../shared/schedules/compliance-gate';
import type { GateContact } from '../../shared/schedules/contact-home';
import { nanpAreaCodes } from '../../shared/schedules/nanp-area-codes';

export interface ScheduleGateBench {
  contacts: number;
  zones: number;
  days: number;
  windows: number;
  violations: number;
  unknownTimezoneContacts: number;
  /** The first run pays for loading holiday calendars and zone data; the second is the steady cost. */
  firstRunMs: number;
  secondRunMs: number;
  /** Heap growth across one run, contacts excluded (they exist before it starts). */
  heapGrowthMb: number;
  rssMb: number;
}

const zones = [
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Anchorage',
  'Pacific/Honolulu',
  'America/Detroit',
  'America/Indiana/Indianapolis',
  'America/Boise',
  'America/Puerto_Rico',
  'America/Toronto',
  'America/Vancouver',
  'America/Halifax',
  'America/St_Johns',
  'America/Mexico_City',
  'America/Bogota',
  'America/Lima',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'America/Santiago',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Africa/Johannesburg',
  'Africa/Lagos',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Australia/Perth',
  'Australia/Adelaide',
  'Pacific/Auckland',
] as const;

/** Deterministic contacts: 90% carry their zone, 8% only a US number, 2% neither. */
function benchContacts(count: number): GateContact[] {
  const areaCodes = [...nanpAreaCodes.keys()];
  let state = 7;
  const next = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  return Array.from({ length: count }, (_, index) => {
    const areaCode = areaCodes[Math.floor(next() * areaCodes.length)] as string;
    const phone = `+1${areaCode}555${String(index % 10_000).padStart(4, '0')}`;
    const roll = next();
    if (roll < 0.9) return { phone, timezone: zones[index % zones.length] as string };
    if (roll < 0.98) return { phone, timezone: '' };
    return { phone: `+4420${String(index).padStart(8, '0')}`, timezone: '' };
  });
}

export function benchScheduleGate(options: { contacts?: number; days?: number } = {}): ScheduleGateBench {
  const contacts = benchContacts(options.contacts ?? 100_000);
  const days = options.days ?? 14;
  const run = () =>
    checkSchedule({
      schedule: { timezone: 'America/Chicago', cronExpression: '0 9 * * 1-6', windowMinutes: 600 },
      range: { from: '2027-03-01', days },
      dncRules: [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }, { type: 'STATE_DNC' }],
      dncListId: 'dnc-01',
      dncList: { id: 'dnc-01', state: 'ACTIVE' },
      contacts,
    });
  let started = performance.now();
  run();
  const firstRunMs = performance.now() - started;
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  const result = run();
  const secondRunMs = performance.now() - started;
  const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1_048_576;
  if (!result.ok) throw new Error(`The schedule gate bench inputs are invalid: ${result.problems.map((p) => p.message).join('; ')}`);
  return {
    contacts: contacts.length,
    zones: zones.length,
    days,
    windows: result.verdict.windows.length,
    violations: result.verdict.violations.length,
    unknownTimezoneContacts: result.verdict.unknownTimezoneContacts,
    firstRunMs: Math.round(firstRunMs),
    secondRunMs: Math.round(secondRunMs),
    heapGrowthMb: Math.round(heapGrowthMb * 10) / 10,
    rssMb: Math.round(process.memoryUsage().rss / 1_048_576),
  };
}
