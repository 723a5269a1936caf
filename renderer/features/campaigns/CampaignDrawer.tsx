import { useEffect, useRef, type ReactNode } from 'react';
import type { Campaign } from '../../../shared/cxone/schemas';
import { useAppStore } from '../../app/app-store';
import { StatusBadge } from '../../components/StatusBadge';
import { CampaignAuditTrail } from './CampaignAuditTrail';
import { useCampaignsStore } from './campaigns-store';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const dash = (value: string | number | null | undefined) => (value === null || value === undefined || value === '' ? '—' : value);

/** Every field of the contract for one campaign, plus what the console did to it. */
const notKept = 'not kept by the Admin API';

export function CampaignDrawer() {
  const drawerId = useCampaignsStore((s) => s.drawerId);
  const campaign = useCampaignsStore((s) => s.snapshot?.campaigns.find((c) => c.id === s.drawerId) ?? null);
  const close = useCampaignsStore((s) => s.openDrawer);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (drawerId) closeRef.current?.focus();
  }, [drawerId]);
  if (!drawerId || !campaign) return null;
  return (
    <div
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="drawer-title"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close(null);
      }}
    >
      <header className="drawer-header">
        <h2 id="drawer-title">{campaign.name}</h2>
        <StatusBadge status={campaign.status} />
        <span className="spacer" />
        <button type="button" className="button button-small" ref={closeRef} onClick={() => close(null)} aria-label="Close details">
          Close
        </button>
      </header>
      <CampaignFields campaign={campaign} />
      <h3>Recent console actions</h3>
      <CampaignAuditTrail campaignId={campaign.id} />
    </div>
  );
}

function CampaignFields({ campaign }: { campaign: Campaign }) {
  const schedule = campaign.schedule;
  const versionless = useAppStore((s) => s.tenant?.adapter === 'cxone-admin');
  return (
    <div className="drawer-body">
      <h3>Definition</h3>
      <dl className="fields">
        <Field label="ID">
          <span className="mono">{campaign.id}</span>
        </Field>
        <Field label="Version">
          {versionless ? 'none: the Admin API keeps no versions; each change reads the skill, compares, writes and reads it again' : campaign.version}
        </Field>
        <Field label="Dialer">{campaign.dialerType}</Field>
        <Field label="Contact list">
          {versionless ? "not read: a skill's calling lists are in its parameters in CXone" : <span className="mono">{campaign.contactListId}</span>}
        </Field>
        <Field label="Wrap-up codes">{campaign.wrapUpCodeIds.join(', ') || '—'}</Field>
        {/* A skill has none of these (electron/tenant/admin-api/assumptions.ts): say so rather than show its placeholders. */}
        <Field label="Max calls / hour">{versionless ? notKept : campaign.maxCallsPerHour}</Field>
        <Field label="Agent allocation">{versionless ? notKept : campaign.agentAllocation}</Field>
        <Field label="Max concurrent calls">{versionless ? notKept : campaign.rules.maxConcurrentCalls}</Field>
        <Field label="Created">{versionless ? notKept : new Date(campaign.createdAt).toLocaleString()}</Field>
        <Field label="Updated">{versionless ? notKept : new Date(campaign.updatedAt).toLocaleString()}</Field>
      </dl>
      <h3>Schedule</h3>
      {schedule ? (
        <dl className="fields">
          <Field label="Time zone">{schedule.timezone}</Field>
          <Field label="Cron">
            <span className="mono">{schedule.cronExpression}</span>
          </Field>
          <Field label="Window">{`${new Date(schedule.startTime).toLocaleString()} → ${new Date(schedule.endTime).toLocaleString()}`}</Field>
          <Field label="Retries">
            {`${schedule.retryPolicy.maxAttempts} ${schedule.retryPolicy.maxAttempts === 1 ? 'attempt' : 'attempts'}, every ${Math.round(schedule.retryPolicy.retryIntervalMs / 1000)} s` +
              `${schedule.retryPolicy.retryOnBusy ? ', on busy' : ''}${schedule.retryPolicy.retryOnNoAnswer ? ', on no answer' : ''}`}
          </Field>
        </dl>
      ) : versionless ? (
        <p className="muted">None on the Admin API: set the skill’s calling hours per weekday in CXone.</p>
      ) : (
        <p className="muted">No schedule.</p>
      )}
      <h3>Compliance</h3>
      <dl className="fields">
        <Field label="DNC list">
          <span className="mono">{dash(campaign.dncListId)}</span>
        </Field>
        <Field label="DNC rules">{campaign.dncRules.map((r) => r.type).join(', ') || '—'}</Field>
        <Field label="Suppression">{campaign.suppressionRules.map((r) => `${r.type} ${r.enabled ? 'on' : 'off'}`).join(', ') || '—'}</Field>
      </dl>
      <h3>Custom attributes</h3>
      <dl className="fields">
        {Object.entries(campaign.customAttributes).map(([key, value]) => (
          <Field key={key} label={key}>
            {value}
          </Field>
        ))}
      </dl>
    </div>
  );
}
