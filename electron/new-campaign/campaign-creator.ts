import type { AuditActor, AuditEntryInput } from '../../shared/audit/audit-entry';
import type { AuditWriter } from '../audit/audit-writer';
import type { Campaign } from '../../shared/cxone/schemas';
import { consoleError, describeError, toConsoleError, type ConsoleError } from '../../shared/errors';
import { toCampaignDefinition } from '../../shared/new-campaign/campaign-form';
import type { CreateCampaignRequest, CreateCampaignResult, MarketingSync } from '../../shared/new-campaign/creation';
import { fieldMessagesOfTenantDetails } from '../../shared/new-campaign/field-messages';
import { explainLicenceLimit, isLicenceLimit } from '../../shared/new-campaign/licence-message';
import type { ReferenceCheck } from '../../shared/new-campaign/reference-check';
import { isAmbiguousCreateFailure } from './creation-failure';
import { checkDependencies } from './dependency-check';
import type { SyncCampaignCreated } from './marketing-sync';
import { campaignsWithExactName, type NewCampaignTenant } from './new-campaign-tenant';

export interface CampaignCreatorOptions {
  tenant: () => NewCampaignTenant;
  tenantLabel: () => string;
  audit: AuditWriter;
  syncMarketing: SyncCampaignCreated;
  /** Called after a campaign exists so the campaign list shows it at once. */
  onCreated?: (campaign: Campaign) => Promise<void>;
  /** Milliseconds, monotonic; the creation latency is measured with it. */
  now?: () => number;
  clock?: () => Date;
}

export interface CampaignCreator {
  create(request: CreateCampaignRequest, actor: AuditActor): Promise<CreateCampaignResult>;
}

const summariseCheck = (check: ReferenceCheck) => ({
  passed: check.passed,
  checkedAt: check.checkedAt,
  items: check.items.map((item) => ({ kind: item.kind, reference: item.reference, status: item.status, message: item.message })),
});

function refusal(error: ConsoleError): { error: ConsoleError; fieldMessages: Record<string, string> } {
  if (isLicenceLimit(error)) return { error: explainLicenceLimit(error), fieldMessages: {} };
  const fieldMessages = fieldMessagesOfTenantDetails(error.details ?? []) as Record<string, string>;
  return { error, fieldMessages };
}

/**
 * Creates a campaign (always a draft, contract §4.1) only after its references check out.
 * A POST is never repeated blindly: after an ambiguous failure the campaign is looked up
 * by its (checked unique) name and the answer says what was found.
 */
export function createCampaignCreator(options: CampaignCreatorOptions): CampaignCreator {
  const now = options.now ?? (() => performance.now());
  const clock = options.clock ?? (() => new Date());

  return {
    async create(request, actor) {
      const tenant = options.tenant();
      const form = request.form;
      const started = now();
      const audit = (entry: Pick<AuditEntryInput, 'outcome'> & Partial<AuditEntryInput>, details: Record<string, unknown>) =>
        options.audit.append({
          actor,
          tenant: options.tenantLabel(),
          action: 'campaign.create',
          target: { type: 'campaign', id: entry.target?.id ?? '(not created)', name: form.name },
          latencyMs: Math.round(now() - started),
          ...entry,
          details: { simulation: request.simulation, dialerType: form.dialerType, contactListId: form.contactListId, ...details },
        });

      const check = await checkDependencies(tenant, form, clock);
      const validation = summariseCheck(check);
      if (!check.passed) {
        const failures = check.items.filter((item) => item.status !== 'ok');
        const error = consoleError('validation', `${failures.length} reference(s) of "${form.name}" need fixing; nothing was created.`, {
          details: failures.map((item) => ({ message: item.message, path: item.field })),
        });
        const fieldMessages: Record<string, string> = {};
        for (const item of failures) fieldMessages[item.field] ??= item.message;
        await audit({ outcome: 'failed', reason: describeError(error) }, { validation });
        return { outcome: 'rejected', error, fieldMessages, referenceCheck: check };
      }

      const definition = toCampaignDefinition(form);
      const postStarted = now();
      let campaign: Campaign;
      let ambiguity: ConsoleError | null = null;
      try {
        campaign = await tenant.createCampaign(definition);
      } catch (thrown) {
        const error = toConsoleError(thrown);
        if (!isAmbiguousCreateFailure(error)) {
          const refused = refusal(error);
          await audit({ outcome: 'failed', reason: describeError(refused.error) }, { validation, status: error.status, code: error.code });
          return { outcome: 'rejected', error: refused.error, fieldMessages: refused.fieldMessages, referenceCheck: check };
        }
        let found: Campaign[];
        try {
          found = await campaignsWithExactName(tenant, form.name);
        } catch (lookupThrown) {
          const lookupError = toConsoleError(lookupThrown);
          const unknown = consoleError(
            error.kind,
            `Creating "${form.name}" failed without a clear answer (${error.message}) and the campaign list could not be read to see whether it was created. Look for "${form.name}" in the campaign list before trying again, so it is not created twice.`,
            { status: error.status, code: error.code },
          );
          await audit({ outcome: 'failed', reason: describeError(unknown) }, { validation, lookupError: lookupError.message });
          return { outcome: 'unknown', error: unknown, lookupError };
        }
        const match = found.find((candidate) => candidate.status === 'draft') ?? found[0];
        if (!match) {
          const notCreated = consoleError(
            error.kind,
            `Creating "${form.name}" failed (${error.message}); the tenant has no campaign of that name, so nothing was created and it is safe to try again.`,
            { status: error.status, code: error.code },
          );
          await audit({ outcome: 'failed', reason: describeError(notCreated) }, { validation, lookedUpByName: true });
          return { outcome: 'not_created', error: notCreated };
        }
        campaign = match;
        ambiguity = consoleError(
          error.kind,
          `The tenant's answer to creating "${form.name}" was lost (${error.message}), but looking the name up found it as ${match.id} (${match.status}); it was created once, not repeated.`,
          { status: error.status, code: error.code },
        );
      }
      const latencyMs = Math.round(now() - postStarted);
      const marketing: MarketingSync = form.marketingSync ? await options.syncMarketing(tenant, campaign) : { status: 'off' };
      await options.onCreated?.(campaign).catch(() => undefined);
      await audit(
        {
          outcome: 'success',
          target: { type: 'campaign', id: campaign.id, name: campaign.name },
          after: { status: campaign.status, version: campaign.version },
          latencyMs,
          reason: ambiguity ? describeError(ambiguity) : undefined,
        },
        { validation, creationLatencyMs: latencyMs, recoveredAfterAmbiguousFailure: ambiguity !== null, marketing },
      );
      return ambiguity ? { outcome: 'recovered', campaign, latencyMs, error: ambiguity, marketing } : { outcome: 'created', campaign, latencyMs, marketing };
    },
  };
}
