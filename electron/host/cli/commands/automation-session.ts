import { emergencyInForce } from '../../../automation/emergency-in-force';
import { hostname } from 'node:os';
import type { AutomationDecision, AutomationRuleId, RuleTickSummary } from '../../../../shared/automation/automation-rules';
import { operatorActor } from '../../../app/operator-actor';
import { cliAuditLogOptions } from '../../../audit/audit-env';
import { createAuditLog } from '../../../audit/audit-log';
import { createAutomationEngine, type AutomationEngine } from '../../../automation/automation-engine';
import { automationTenantDir, automationTenantKey } from '../../../automation/automation-folder';
import { tickCoordinatorFor } from '../../../automation/coordinator-for';
import { createDataFolderCoordinator } from '../../../automation/data-folder-coordinator';
import type { RunnerLease } from '../../../automation/runner-lease';
import { defaultSettingsInput } from '../../../automation/default-settings';
import { createFeedFetch } from '../../../automation/feed-fetch';
import { automationRules } from '../../../automation/rule-registry';
import type { CliContext } from '../cli-context';

export interface CliAutomation {
  engine: AutomationEngine;
  /** The data folder's lease, which a one-off tick (`--once`) takes for its run. */
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
  /** One tick by hand (`--once`): the data folder's lease, taken for the run; else the schedule's coordinator (CXONE_REDIS_URL: Redis). */
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
  const audit = await createAuditLog(cliAuditLogOptions(dataDir, context.io.env));
  const { profile } = connection;
  const tenant = { profileId: profile.id, isDemo: false, apiBaseUrl: profile.apiBaseUrl, clientId: profile.clientId };
  const dir = automationTenantDir(dataDir, tenant);
  const label = `cxone-console automation (${actor.name}@${hostname()})`;
  const runnerChanged = options.onRunnerChanged ?? (() => undefined);
  const dataFolder = options.once ? createDataFolderCoordinator({ dir, kind: 'cli', label }) : null;
  const coordinator =
    dataFolder ??
    tickCoordinatorFor({
      env: context.io.env,
      dir,
      tenantKey: automationTenantKey(tenant),
      kind: 'cli',
      label,
      onRunnerChanged: runnerChanged,
      ...(options.onProblem ? { onProblem: options.onProblem } : {}),
    });
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
    lease: dataFolder?.lease ?? null,
    actor,
    tenantLabel: profile.label,
    async close() {
      await engine.stop();
      connection.close();
      await audit.close();
    },
  };
}
