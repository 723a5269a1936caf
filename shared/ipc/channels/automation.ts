import * as z from 'zod';
import {
  automationDecisionSchema,
  automationRuleIdSchema,
  automationRuleViewSchema,
  automationRunnerViewSchema,
  capacitySeriesSchema,
  ruleTickSummarySchema,
} from '../../automation/automation-rules';
import { requestChannel } from '../define';

const ruleId = z.object({ ruleId: automationRuleIdSchema });

export const automationRequestChannels = {
  /** Every rule with its state, and who runs this tenant's automation. */
  'automation:rules': requestChannel(z.object({}), z.object({ rules: z.array(automationRuleViewSchema), runner: automationRunnerViewSchema })),
  'automation:setEnabled': requestChannel(ruleId.extend({ enabled: z.boolean() }), automationRuleViewSchema),
  /** Settings are validated against the rule's schema; a refusal names the setting. */
  'automation:updateSettings': requestChannel(ruleId.extend({ settings: z.record(z.string(), z.unknown()) }), automationRuleViewSchema),
  /** One tick now (progress on runs:progress, kind 'automation', runId `automation:<ruleId>:<tickId>`); a dry run writes nothing. */
  'automation:runOnce': requestChannel(
    ruleId.extend({ dryRun: z.boolean() }),
    z.object({ summary: ruleTickSummarySchema, decisions: z.array(automationDecisionSchema) }),
  ),
  /** Cancels the rule's run in flight: the write already sent finishes, no other is sent. False when none is running. */
  'automation:cancelRun': requestChannel(ruleId, z.object({ cancelled: z.boolean() })),
  /** The newest decisions first, `limit` at most. */
  'automation:history': requestChannel(ruleId.extend({ limit: z.number().int().min(1).max(1000).default(200) }), z.array(automationDecisionSchema)),
  /** Clears a person's override on one campaign so the capacity rule writes it again. */
  'automation:clearHold': requestChannel(ruleId.extend({ campaignId: z.string().min(1) }), automationRuleViewSchema),
  /** Available agents and the limit set, per campaign, over the last `hours`. */
  'automation:capacitySeries': requestChannel(z.object({ hours: z.number().min(1).max(72).default(6) }), capacitySeriesSchema),
};

export const automationEventChannels = {
  /** A rule's state changed (a tick ended, settings saved, the runner changed hands). */
  'automation:changed': z.object({ ruleId: automationRuleIdSchema.nullable() }),
};
