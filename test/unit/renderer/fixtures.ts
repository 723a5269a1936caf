import type { AuditEntry } from '../../../shared/audit/audit-entry';
import type { StatusChangeResult } from '../../../shared/campaigns/status-change';
import type { Campaign } from '../../../shared/cxone/schemas';
import type { CampaignSnapshot } from '../../../shared/campaigns/campaign-snapshot';

export function campaign(id: string, status: Campaign['status'] = 'running'): Campaign {
  return {
    id,
    name: `Campaign ${id}`,
    status,
    version: 1,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    dialerType: 'predictive',
    contactListId: 'list-1',
    wrapUpCodeIds: [],
    maxCallsPerHour: 100,
    agentAllocation: 5,
    suppressionRules: [],
    dncListId: null,
    dncRules: [],
    schedule: null,
    rules: { maxConcurrentCalls: 10 },
    customAttributes: {},
  };
}

export function snapshot(campaigns: Campaign[], change: Partial<CampaignSnapshot> = {}): CampaignSnapshot {
  return { campaigns, fetchedAt: '2026-01-05T09:00:00.000Z', error: null, refreshing: false, pending: {}, ...change };
}

export function changed(target: Campaign, status: 'running' | 'paused'): StatusChangeResult {
  return { campaignId: target.id, name: target.name, target: status, outcome: 'changed', statusBefore: target.status, statusAfter: status, latencyMs: 5 };
}

export function auditEntry(seq: number, campaignId: string, change: Partial<AuditEntry> = {}): AuditEntry {
  return {
    seq,
    at: '2026-01-05T09:00:00.000Z',
    prevHash: '0'.repeat(64),
    hash: 'a'.repeat(64),
    actor: { type: 'user', name: 'lead' },
    tenant: 'demo',
    action: 'campaign.pause',
    target: { type: 'campaign', id: campaignId, name: `Campaign ${campaignId}` },
    outcome: 'success',
    ...change,
  };
}
