import { emergencyInForce } from '../../../automation/emergency-in-force';
import { hostname } from 'node:os';
import type { AutomationDecision, AutomationRuleId, RuleTickSummary } from '../../../../shared/automation/automation-rules';
import { operatorActor } from '../../../app/operator-actor';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import { createAuditLog } from '../../../audit/audit-log';
import { createAutomationEngine, type AutomationEngine } from '../../../automation/automation-engine';
import { automationTenantDir, automationTenantKey } from '../../../automation/automation-folder';
import { oneShotCoordinatorFor, tickCoordinatorFor } from '../../../automation/coordinator-for';
import type { RunnerLease } from '../../../automation/runner-lease';
import { defaultSettingsInput } from '../../../automation/default-settings';
import { createFeedFetch } from '../../../automation/feed-fetch';
import { automationRules } from '../../../automation/rule-registry';
import type { CliContext } from '../cli-context';

export interface CliAutomation {
  engine: AutomationEngine;
  /** The lease a one-off tick (`--once`) takes for its run: the data folder's, or with CXONE_REDIS_URL the Redis active-runner record. */
  lease: RunnerLease | null;
  actor: ReturnType<typeof operatorActor>;
  tenantLabel: string;
  close(): Promise<void>;
}

export interface CliAutomationOptions {
  /** Only these rules (default: every rule of the build). */
  only?: AutomationRuleId[];
  /** Settings given on the command line: those rules run enabled with them, and nothing about them is saved. */
  pinned?: Partial<Record<AutomationRuleId, Record<string, unknown>>>;
  onDecision?: (decision: AutomationDecision) => void;
  onTick?: (summary: RuleTickSummary) => void;
  onRunnerChanged?: () => void;
  onProblem?: (message: string) => void;
  /** One tick by hand (`--once`): a lease taken for the run (CXONE_REDIS_URL: Redis's active-runner record, else the data folder's); else the schedule's coordinator. */
  once?: boolean;
}

/** The rules the command line can run; an id the build lacks is reported by the caller. */
export const availableRuleIds = (): AutomationRuleId[] => automationRules().map((rule) => rule.id);

/**
 * The app's automation engine composed for one command: the environment's tenant (the one client
 * and rate limiter), the data folder's rule state, history, lease (this process as `cli` holder) and audit log.
 */
export async function openAutomation(context: CliContext, options: CliAutomationOptions = {}): Promise<CliAutomation> {
  const dataDir = context.dataDir();
  const actor = operatorActor(undefined, { env: context.io.env });
  const connection = context.connect();
  const { profile } = connection;
  const tenant = { profileId: profile.id, isDemo: false, apiBaseUrl: profile.apiBaseUrl, clientId: profile.clientId };
  const dir = automationTenantDir(dataDir, tenant);
  const label = `cxone-console automation (${actor.name}@${hostname()})`;
  const runnerChanged = options.onRunnerChanged ?? (() => undefined);
  const choice = {
    env: context.io.env,
    dir,
    tenantKey: automationTenantKey(tenant),
    kind: 'cli' as const,
    label,
    ...(options.onProblem ? { onProblem: options.onProblem } : {}),
  };
  let oneShot: ReturnType<typeof oneShotCoordinatorFor> | null = null;
  let coordinator: ReturnType<typeof tickCoordinatorFor>;
  try {
    // A bad CXONE_REDIS_URL is refused here, before anything is opened that would keep the process alive.
    oneShot = options.once ? oneShotCoordinatorFor(choice) : null;
    coordinator = oneShot?.coordinator ?? tickCoordinatorFor({ ...choice, onRunnerChanged: runnerChanged });
  } catch (error) {
    connection.close();
    throw error;
  }
  const audit = await createAuditLog(cliAuditLogOptions(dataDir, context.io.env));
  const rules = automationRules().filter((rule) => !options.only || options.only.includes(rule.id));
  const engine = createAutomationEngine({
    dir,
    tenantLabel: profile.label,
    ports: () => connection,
    audit,
    rules,
    coordinator,
    defaultSettings: (ruleId) => defaultSettingsInput(ruleId, tenant),
    fetchJson: createFeedFetch({ setting: 'Alerts feed URL' }),
    emergencyInForce: emergencyInForce(context.dataDir(), profile),
    ...(options.pinned ? { pinned: options.pinned } : {}),
    ...(options.onDecision ? { onDecision: options.onDecision } : {}),
    ...(options.onTick ? { onTick: options.onTick } : {}),
  });
  return {
    engine,
    lease: oneShot?.lease ?? null,
    actor,
    tenantLabel: profile.label,
    async close() {
      await engine.stop();
      connection.close();
      await audit.close();
    },
  };
}
