import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import * as z from 'zod';
import { ruleTickSummarySchema, type AutomationRuleId, type RuleTickSummary } from '../../shared/automation/automation-rules';
import { writeFileAtomic } from '../files/durable-files';
import { isMissing } from '../files/jsonl-files';
import type { AutomationRule } from './automation-rule';

/** A rule's state as the data folder keeps it between runs. */
export interface RuleState<Settings, Memory> {
  enabled: boolean;
  settings: Settings;
  memory: Memory;
  lastTick: RuleTickSummary | null;
  nextRunAt: string | null;
}

const storedRuleStateSchema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  settings: z.record(z.string(), z.unknown()),
  memory: z.unknown(),
  lastTick: ruleTickSummarySchema.nullable(),
  nextRunAt: z.string().nullable(),
});

export type LoadedRuleState<Settings, Memory> = { ok: true; state: RuleState<Settings, Memory>; fresh: boolean } | { ok: false; problem: string };

export const ruleStatePath = (dir: string, ruleId: AutomationRuleId): string => join(dir, `${ruleId}.json`);

const issuesOf = (error: z.ZodError): string =>
  error.issues.map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message)).join('; ');

/**
 * Reads a rule's state: defaults (disabled) when there is none yet; a file that does not parse,
 * or whose settings or memory the rule's schemas refuse, is reported with what is wrong and left as it is.
 */
export async function loadRuleState<Settings, Memory>(
  dir: string,
  rule: AutomationRule<Settings, Memory>,
  defaultSettings: () => Settings,
): Promise<LoadedRuleState<Settings, Memory>> {
  const path = ruleStatePath(dir, rule.id);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isMissing(error)) {
      return { ok: true, fresh: true, state: { enabled: false, settings: defaultSettings(), memory: rule.initialMemory(), lastTick: null, nextRunAt: null } };
    }
    return {
      ok: false,
      problem: `The saved state of the ${rule.title} rule (${path}) cannot be read: ${error instanceof Error ? error.message : String(error)}.`,
    };
  }
  const damaged = (what: string) => ({
    ok: false as const,
    problem: `The saved state of the ${rule.title} rule (${path}) is damaged (${what}); it was left as it is and the rule does not run. Enabling it or saving its settings moves the file aside and starts again from the defaults.`,
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return damaged(`not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const stored = storedRuleStateSchema.safeParse(json);
  if (!stored.success) return damaged(issuesOf(stored.error));
  const settings = rule.settingsSchema.safeParse(stored.data.settings);
  if (!settings.success) return damaged(`settings: ${issuesOf(settings.error)}`);
  const memory = rule.memorySchema.safeParse(stored.data.memory);
  if (!memory.success) return damaged(`memory: ${issuesOf(memory.error)}`);
  return {
    ok: true,
    fresh: false,
    state: { enabled: stored.data.enabled, settings: settings.data, memory: memory.data, lastTick: stored.data.lastTick, nextRunAt: stored.data.nextRunAt },
  };
}

export async function saveRuleState<Settings, Memory>(dir: string, ruleId: AutomationRuleId, state: RuleState<Settings, Memory>): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeFileAtomic(ruleStatePath(dir, ruleId), `${JSON.stringify({ version: 1, ...state }, null, 2)}\n`);
}

/** Moves a damaged state file aside (never overwritten) and returns where it went. */
export async function setAsideRuleState(dir: string, ruleId: AutomationRuleId, now: number): Promise<string> {
  const aside = `${ruleStatePath(dir, ruleId)}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  await rename(ruleStatePath(dir, ruleId), aside).catch((error: unknown) => {
    if (!isMissing(error)) throw error;
  });
  return aside;
}
