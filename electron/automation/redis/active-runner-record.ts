import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import * as z from 'zod';
import type { AutomationRunnerView } from '../../../shared/automation/automation-rules';

/** Who a runner is, as another console shows it: the app or the command line, on which computer. */
export interface RunnerIdentity {
  kind: 'app' | 'cli';
  host: string;
  pid: number;
  /** A person's words for it ("Outbound Console on ops-laptop"). */
  label: string;
}

const recordSchema = z.object({
  token: z.string(),
  kind: z.enum(['app', 'cli']),
  host: z.string(),
  pid: z.number().int(),
  label: z.string(),
  since: z.string(),
});
/** The "active runner" record: one per tenant, held by the runner that acts, expiring when it stops refreshing. */
export type ActiveRunnerRecord = z.infer<typeof recordSchema>;

// Compare-and-act on the exact value this runner wrote, so a runner never refreshes or deletes another's record.
const refreshScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const releaseScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export interface ActiveRunnerLease {
  readonly token: string;
  /** True from a successful acquire until a refresh finds the record gone or another's, or release. */
  holds(): boolean;
  /** Takes the record when nobody holds it; true when this runner holds it now. */
  acquire(): Promise<boolean>;
  /** Extends this runner's hold; false when the record expired or another runner holds it. */
  refresh(): Promise<boolean>;
  /** Gives the record up if this runner still holds it. */
  release(): Promise<void>;
  /** The record as stored, or null when nobody acts (or it cannot be read as a record). */
  read(): Promise<ActiveRunnerRecord | null>;
}

/** The lease on `key`, valid `ttlMs` after each acquire or refresh. */
export function activeRunnerLease(client: Redis, key: string, identity: RunnerIdentity, ttlMs: number, now: () => number = Date.now): ActiveRunnerLease {
  const token = randomUUID();
  let held: string | null = null;
  return {
    token,
    holds: () => held !== null,
    async acquire() {
      const value = JSON.stringify({ token, ...identity, since: new Date(now()).toISOString() } satisfies ActiveRunnerRecord);
      const answer = await client.set(key, value, 'PX', ttlMs, 'NX');
      if (answer === 'OK') held = value;
      return answer === 'OK';
    },
    async refresh() {
      if (held === null) return false;
      const extended = (await client.eval(refreshScript, 1, key, held, String(ttlMs))) === 1;
      if (!extended) held = null;
      return extended;
    },
    async release() {
      if (held === null) return;
      const value = held;
      held = null;
      await client.eval(releaseScript, 1, key, value);
    },
    async read() {
      const text = await client.get(key);
      if (text === null) return null;
      try {
        const parsed = recordSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
  };
}

/** The record as the screen shows it: `this-app` when `ownToken` wrote it, else the holder's kind. */
export function runnerViewOf(record: ActiveRunnerRecord | null, ownToken: string): AutomationRunnerView {
  if (record === null) return { mode: 'redis', holder: null };
  const kind = record.token === ownToken ? 'this-app' : record.kind === 'cli' ? 'cli' : 'other-app';
  return { mode: 'redis', holder: { kind, host: record.host, pid: record.pid, label: record.label, since: record.since } };
}
