import type { AuditActor } from '../../shared/audit/audit-entry';
import type { RequestHandlers } from '../ipc/handlers';
import type { AutomationEngine } from './automation-engine';

type AutomationChannel = Extract<keyof RequestHandlers, `automation:${string}`>;

/** The Automation screen's channels over the connected tenant's engine; a person's changes are audited as `actor`. */
export function createAutomationHandlers(engine: () => Promise<AutomationEngine>, actor: AuditActor): Pick<RequestHandlers, AutomationChannel> {
  return {
    'automation:rules': async () => (await engine()).list(),
    'automation:setEnabled': async ({ ruleId, enabled }) => (await engine()).setEnabled(ruleId, enabled, actor),
    'automation:updateSettings': async ({ ruleId, settings }) => (await engine()).updateSettings(ruleId, settings, actor),
    'automation:runOnce': async ({ ruleId, dryRun }) => (await engine()).runOnce(ruleId, dryRun),
    'automation:cancelRun': async ({ ruleId }) => ({ cancelled: await (await engine()).cancelRun(ruleId, actor) }),
    'automation:history': async ({ ruleId, limit }) => (await engine()).history(ruleId, limit),
    'automation:clearHold': async ({ ruleId, campaignId }) => (await engine()).clearHold(ruleId, campaignId, actor),
    'automation:capacitySeries': async ({ hours }) => (await engine()).capacitySeries(hours),
  };
}
