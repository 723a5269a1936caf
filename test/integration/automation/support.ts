import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod';
import type { AuditEntryInput } from '../../../shared/audit/audit-entry';
import {
  capacityRuleSettingsSchema,
  type AutomationDecision,
  type AutomationRuleId,
  type CapacityRuleSettings,
} from '../../../shared/automation/automation-rules';
import type { AnyAutomationRule, AutomationRule } from '../../../electron/automation/automation-rule';
import { createAutomationEngine, type AutomationEngineOptions } from '../../../electron/automation/automation-engine';
import { createDataFolderCoordinator, type DataFolderCoordinatorOptions } from '../../../electron/automation/data-folder-coordinator';
import { defaultSettingsInput } from '../../../electron/automation/default-settings';
import { createFeedFetch } from '../../../electron/automation/feed-fetch';
import { automationRules } from '../../../electron/automation/rule-registry';
import type { TenantConnection } from '../../../electron/tenant/ports';

const memorySchema = z.object({ paused: z.array(z.object({ campaignId: z.string(), since: z.string() })) });
export type PausingMemory = z.infer<typeof memorySchema>;

/**
 * A rule for the engine's tests (it borrows the capacity rule's id and settings): pauses the
 * running campaigns it is given, through the context's tenant, and remembers what it paused.
 * `fail` makes its tick throw (after reading the tenant, as a broken feed would); `afterWrite` is
 * awaited after each pause it sent.
 */
export function pausingRule(
  targets: () => readonly string[],
  behaviour: { fail?: () => boolean; afterWrite?: (campaignId: string) => Promise<void> | void } = {},
): AutomationRule<CapacityRuleSettings, PausingMemory> {
  return {
    id: 'capacity',
    title: 'Test pausing',
    settingsSchema: capacityRuleSettingsSchema,
    memorySchema,
    initialMemory: () => ({ paused: [] }),
    holds: (memory) => memory.paused.map(({ campaignId, since }) => ({ campaignId, what: 'kept paused by the test rule', since })),
    clearHold: (memory, campaignId) => ({ paused: memory.paused.filter((hold) => hold.campaignId !== campaignId) }),
    async tick(context) {
      const decisions: AutomationDecision[] = [];
      const memory: PausingMemory = { paused: [...context.memory.paused] };
      const ids = targets();
      for (const [index, id] of ids.entries()) {
        const campaign = await context.tenant.campaigns.get(id, context.signal);
        if (behaviour.fail?.()) throw new Error('the test feed is broken');
        const base = {
          ruleId: 'capacity' as const,
          tickId: context.tickId,
          at: new Date(context.now()).toISOString(),
          campaignId: id,
          campaignName: campaign.name,
        };
        const evidence = { availableAgents: 3, oldLimit: campaign.rules.maxConcurrentCalls, newLimit: campaign.rules.maxConcurrentCalls };
        if (campaign.status !== 'running') {
          decisions.push({ ...base, action: 'keep', outcome: 'unchanged', reason: `already ${campaign.status}`, dryRun: context.dryRun, evidence });
        } else if (context.dryRun) {
          decisions.push({ ...base, action: 'pause', outcome: 'would-apply', reason: 'a test target', dryRun: true, evidence });
        } else {
          try {
            await context.tenant.campaigns.setStatus(id, 'paused', context.signal);
            memory.paused.push({ campaignId: id, since: base.at });
            decisions.push({ ...base, action: 'pause', outcome: 'applied', reason: 'a test target', dryRun: false, evidence });
            await behaviour.afterWrite?.(id);
          } catch (error) {
            decisions.push({ ...base, action: 'pause', outcome: 'failed', reason: 'a test target', dryRun: false, evidence, error: String(error) });
          }
        }
        context.progress(index + 1, ids.length);
      }
      return { decisions, memory };
    },
  };
}

export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cxone-automation-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** An audit writer that keeps what it is given. */
export function keptAudit(): { entries: AuditEntryInput[]; append: (entry: AuditEntryInput) => Promise<void> } {
  const entries: AuditEntryInput[] = [];
  return { entries, append: async (entry) => void entries.push(entry) };
}

/** An engine over a demo tenant connection and a data-folder coordinator, as the app builds one. */
export function engineFor(
  options: { dir: string; connection: TenantConnection; rules: AnyAutomationRule[]; audit?: ReturnType<typeof keptAudit> } & Partial<AutomationEngineOptions>,
  coordinator: Partial<DataFolderCoordinatorOptions> = {},
) {
  const audit = options.audit ?? keptAudit();
  const engine = createAutomationEngine({
    tenantLabel: 'Demo tenant',
    ports: () => options.connection,
    coordinator: createDataFolderCoordinator({ dir: options.dir, kind: 'app', label: 'test app', ...coordinator }),
    defaultSettings: (ruleId) => defaultSettingsInput(ruleId, { isDemo: true, apiBaseUrl: 'http://127.0.0.1:1' }),
    fetchJson: createFeedFetch({ setting: 'Alerts feed URL' }),
    watch: false,
    ...options,
    audit,
  });
  return { engine, audit };
}

/** Waits for a condition, polling; no fixed sleep decides a test's outcome. */
export async function eventually(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * A rule's settings saved and the rule enabled as the app would, in the automation folder `dir`
 * of a contract tenant at `apiBaseUrl` (a command line started afterwards finds them there).
 */
export async function enableRuleAsTheAppWould(
  dir: string,
  connection: TenantConnection,
  apiBaseUrl: string,
  ruleId: AutomationRuleId,
  settings: Record<string, unknown>,
): Promise<void> {
  const setup = createAutomationEngine({
    dir,
    tenantLabel: 'setup',
    ports: () => connection,
    audit: keptAudit(),
    rules: automationRules(),
    coordinator: createDataFolderCoordinator({ dir, kind: 'app', label: 'setup' }),
    defaultSettings: (id) => defaultSettingsInput(id, { isDemo: false, apiBaseUrl }),
    fetchJson: createFeedFetch({ setting: 'Alerts feed URL' }),
    watch: false,
  });
  const lead = { type: 'user' as const, name: 'lead (test)' };
  await setup.updateSettings(ruleId, settings, lead);
  await setup.setEnabled(ruleId, true, lead);
}
