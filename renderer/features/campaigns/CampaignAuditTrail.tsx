/** Filled in once the audit log is wired (this issue): the campaign's recent audit entries. */
export function CampaignAuditTrail({ campaignId }: { campaignId: string }) {
  return <p className="muted" data-campaign={campaignId}>No console actions recorded yet.</p>;
}
