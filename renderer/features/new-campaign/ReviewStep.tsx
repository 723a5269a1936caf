import { useEffect, useRef } from 'react';
import { describeError } from '../../../shared/errors';
import type { CreateCampaignResult, MarketingSync } from '../../../shared/new-campaign/creation';
import { useAppStore } from '../../app/app-store';
import { useNavigation } from '../../app/navigation';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useNewCampaignStore } from './new-campaign-store';
import { callingTime, percent, ratio } from './simulation-format';
import { useSimulationStore } from './simulation-store';

function marketingText(marketing: MarketingSync): string {
  switch (marketing.status) {
    case 'off':
      return 'Marketing sync was not asked for.';
    case 'skipped':
      return `Marketing sync skipped: ${marketing.reason}`;
    case 'queued':
      return `Marketing notified: webhook subscription ${marketing.subscriptionId}${marketing.subscriptionCreated ? ' registered' : ' (already registered)'}, campaign.created queued for signed delivery.`;
    case 'failed':
      return marketing.error.kind === 'not_available'
        ? `Marketing sync is not available on this tenant: ${describeError(marketing.error)} The campaign itself was created.`
        : `Marketing sync failed: ${describeError(marketing.error)} The campaign itself was created.`;
  }
}

function ResultNotice({ result }: { result: CreateCampaignResult }) {
  const navigation = useNavigation();
  switch (result.outcome) {
    case 'created':
    case 'recovered':
      return (
        <div className={result.outcome === 'created' ? 'notice notice-info' : 'notice notice-warn'} role="status">
          <strong>
            {result.campaign.name} created as {result.campaign.status} ({result.campaign.id}) in {result.latencyMs.toLocaleString()} ms.
          </strong>{' '}
          {result.outcome === 'recovered' ? describeError(result.error) : null} {marketingText(result.marketing)}{' '}
          <button type="button" className="button button-small" onClick={() => navigation.openCampaign(result.campaign.id)}>
            Open in campaign list
          </button>
        </div>
      );
    case 'rejected':
      return <ErrorNotice error={result.error} title="Not created" />;
    case 'not_created':
      return <ErrorNotice error={result.error} title="Not created" />;
    case 'unknown':
      return <ErrorNotice error={result.error} title="Outcome unknown" />;
  }
}

/** Step 4: what will be created, then the POST; a created campaign opens in the campaign list. */
export function ReviewStep() {
  const form = useNewCampaignStore((s) => s.form);
  const check = useNewCampaignStore((s) => s.referenceCheck);
  const creating = useNewCampaignStore((s) => s.creating);
  const result = useNewCampaignStore((s) => s.result);
  const createError = useNewCampaignStore((s) => s.createError);
  const create = useNewCampaignStore((s) => s.create);
  const goTo = useNewCampaignStore((s) => s.goTo);
  const fix = useNewCampaignStore((s) => s.fix);
  const startOver = useNewCampaignStore((s) => s.startOver);
  const summary = useSimulationStore((s) => s.summary);
  const report = useSimulationStore((s) => s.result);
  const profileId = useAppStore((s) => s.tenant?.profileId ?? null);
  const createUnavailable = useNewCampaignStore((s) => s.createUnavailable);
  const navigation = useNavigation();
  const createRef = useRef<HTMLButtonElement>(null);
  const unavailableRef = useRef<HTMLDivElement>(null);
  // This tenant cannot create campaigns: the button stays disabled with the reason beside it.
  const unavailable = createUnavailable && createUnavailable.profileId === profileId ? createUnavailable.error : null;
  useEffect(() => (unavailable ? unavailableRef.current : createRef.current)?.focus(), [unavailable]);

  const submit = async () => {
    const outcome = await create(summary(), profileId);
    if (outcome?.outcome === 'created') navigation.openCampaign(outcome.campaign.id);
  };
  const created = result?.outcome === 'created' || result?.outcome === 'recovered';
  const list = check?.contactList;

  return (
    <section className="nc-step" aria-labelledby="nc-review-title">
      <h2 id="nc-review-title">Review & create</h2>
      <div className="nc-grid">
        <div className="panel">
          <h3 className="nc-h3">Definition</h3>
          <dl className="fields">
            <dt>Name</dt>
            <dd>{form.name}</dd>
            <dt>Dialer</dt>
            <dd>{form.dialerType}</dd>
            <dt>Contact list</dt>
            <dd>{list ? `${list.name} (${list.id}) — ${list.recordCount.toLocaleString()} records` : form.contactListId}</dd>
            <dt>Wrap-up codes</dt>
            <dd className="mono">{form.wrapUpCodeIds.join(', ')}</dd>
            <dt>Max calls / hour</dt>
            <dd>{form.maxCallsPerHour.toLocaleString()}</dd>
            <dt>Agents / lines</dt>
            <dd>
              {form.agentAllocation} agents · {form.maxConcurrentCalls} concurrent calls
            </dd>
            <dt>Suppression</dt>
            <dd>
              {[form.suppressDnc ? 'DNC registry' : null, form.suppressDoNotCallList ? `DNC list ${form.dncListId ?? ''}` : null].filter(Boolean).join(', ') ||
                'none'}
              {form.dncRules.length ? ` · rules ${form.dncRules.join(', ')}` : ''}
            </dd>
            <dt>Region / time zone</dt>
            <dd>
              {form.region} · {form.timezone}
            </dd>
            <dt>Marketing sync</dt>
            <dd>{form.marketingSync ? 'yes' : 'no'}</dd>
          </dl>
        </div>
        <div className="panel">
          <h3 className="nc-h3">Checks and simulation</h3>
          <dl className="fields">
            <dt>References</dt>
            <dd>{check ? `${check.items.length} checked, ${check.passed ? 'all usable' : 'some need fixing'}` : 'not checked'}</dd>
            {report ? (
              <>
                <dt>Agents needed</dt>
                <dd>
                  {report.staffing.agentsNeeded} (Erlang C, {percent(report.request.serviceLevel, 0)} in {report.request.targetSeconds} s at max calls per hour)
                  {report.staffing.agentsNeeded > form.agentAllocation ? (
                    <span className="nc-warn-text"> — {form.agentAllocation} allocated; raise the allocation or lower max calls per hour</span>
                  ) : null}
                </dd>
                <dt>Dial ratio</dt>
                <dd>
                  {report.predictive
                    ? `${ratio(report.predictive.dialRatio)} predicted to abandon ${percent(report.predictive.abandonRate, 2)} of answered calls`
                    : 'no ratio above 1 stays under 3 %; dial progressively'}
                </dd>
                <dt>List done in</dt>
                <dd>
                  {callingTime(report.progressive.completionHours, report.request.callingHoursPerDay)} progressive
                  {report.predictive ? ` · ${callingTime(report.predictive.completionHours, report.request.callingHoursPerDay)} predictive` : ''}
                </dd>
                <dt>Simulation</dt>
                <dd>
                  {report.request.replications} replications, seed {report.request.seed}
                </dd>
              </>
            ) : (
              <>
                <dt>Simulation</dt>
                <dd>not run</dd>
              </>
            )}
          </dl>
        </div>
      </div>
      {unavailable ? <ErrorNotice error={unavailable} id="nc-create-unavailable" ref={unavailableRef} /> : null}
      {result && !(unavailable && result.outcome === 'rejected') ? <ResultNotice result={result} /> : null}
      {result?.outcome === 'rejected' && Object.keys(result.fieldMessages).length > 0 ? (
        <ul className="nc-field-errors">
          {Object.entries(result.fieldMessages).map(([field, message]) => (
            <li key={field}>
              <button type="button" className="link-button" onClick={() => fix(field as Parameters<typeof fix>[0])}>
                {field}
              </button>
              : {message}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorNotice error={createError} title="Create failed" />
      <div className="actions">
        <button type="button" className="button" disabled={creating} onClick={() => goTo('simulate')}>
          Back
        </button>
        {created ? (
          <button type="button" className="button" onClick={startOver}>
            Design another campaign
          </button>
        ) : (
          <button
            ref={createRef}
            type="button"
            className="button button-primary"
            disabled={creating || !check?.passed || unavailable !== null}
            aria-describedby={unavailable ? 'nc-create-unavailable' : undefined}
            title={unavailable ? describeError(unavailable) : undefined}
            onClick={() => void submit()}
          >
            {creating ? 'Creating…' : 'Create draft campaign'}
          </button>
        )}
        {creating ? (
          <span role="status" className="muted">
            Checking references again and creating on the tenant…
          </span>
        ) : null}
      </div>
    </section>
  );
}
