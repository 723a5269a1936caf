import * as z from 'zod';
import { campaignStatuses, requestedStatusSchema, type Campaign, type CampaignStatus } from '../../shared/cxone/schemas';
import { answer, apiError, checkBody, notFound, type DemoAnswer } from './answers';
import type { CampaignLifecycle } from './campaign-lifecycle';
import { checkNewCampaign, checkReplacementSemantics, parseReplacement, rulesOverLimit } from './campaign-validation';
import { createContacts } from './contact-factory';
import { pageAnswer } from './pagination';
import type { Prng } from './prng';
import type { DemoTenantState } from './public-types';
import type { DemoRequest, Route } from './router';
import { campaignIdOf, regionForCampaign } from './seed-data';

export interface CampaignRouteDependencies {
  state: DemoTenantState;
  lifecycle: CampaignLifecycle;
  now: () => number;
  licenceLimit: number;
  contactsPerCampaign: number;
  /** The tenant's ceiling for `rules.maxConcurrentCalls` (undefined: none). */
  maxConcurrentCallsLimit: () => number | undefined;
  /** Draws phone numbers for the contacts of campaigns created over the API. */
  prng: Prng;
}

const statusChangeBodySchema = z.strictObject({ status: requestedStatusSchema });
const base = '/api/v2/outbound/campaigns';

function statusFilter(raw: string | null): { ok: true; value: Set<string> | null } | { ok: false; answer: DemoAnswer } {
  if (raw === null || raw === '') return { ok: true, value: null };
  const wanted = raw.split(',').map((status) => status.trim());
  const unknown = wanted.filter((status) => !(campaignStatuses as readonly string[]).includes(status));
  if (unknown.length > 0) {
    return { ok: false, answer: apiError(400, 'INVALID_VALUE', `Unknown status ${unknown.join(', ')}; use ${campaignStatuses.join(', ')}.`, 'status') };
  }
  return { ok: true, value: new Set(wanted) };
}

export function campaignRoutes(deps: CampaignRouteDependencies): Route[] {
  const { state } = deps;
  let nextNumber = state.campaigns.size + 1;
  const find = (request: DemoRequest) => state.campaigns.get(request.params.id ?? '');

  const list = (request: DemoRequest): DemoAnswer => {
    const statuses = statusFilter(request.query.get('status'));
    if (!statuses.ok) return statuses.answer;
    const name = request.query.get('name')?.toLowerCase() ?? '';
    const matching = [...state.campaigns.values()].filter(
      (campaign) => (statuses.value === null || statuses.value.has(campaign.status)) && campaign.name.toLowerCase().includes(name),
    );
    return pageAnswer(request.query, matching, (campaign) => campaign);
  };

  const create = (request: DemoRequest): DemoAnswer => {
    const checked = checkNewCampaign(request.body, state);
    if (!checked.ok) return checked.answer;
    const overLimit = rulesOverLimit(checked.value.rules, deps.maxConcurrentCallsLimit());
    if (overLimit) return overLimit;
    const existing = [...state.campaigns.values()].filter((campaign) => campaign.status !== 'completed').length;
    if (existing >= deps.licenceLimit) {
      return apiError(403, 'LICENCE_LIMIT', `The tenant's licence allows ${deps.licenceLimit} campaigns and all are in use; complete one first.`);
    }
    while (state.campaigns.has(campaignIdOf(nextNumber))) nextNumber++;
    const id = campaignIdOf(nextNumber++);
    const at = new Date(deps.now()).toISOString();
    const status: CampaignStatus = 'draft';
    const campaign: Campaign = { ...checked.value, id, status, version: 1, createdAt: at, updatedAt: at };
    state.campaigns.set(id, campaign);
    const recordCount = state.contactLists.get(campaign.contactListId)?.recordCount ?? 0;
    state.contacts.set(
      id,
      createContacts({
        campaignId: id,
        campaignStatus: status,
        count: Math.min(recordCount, deps.contactsPerCampaign),
        maxConcurrentCalls: campaign.rules.maxConcurrentCalls,
        region: regionForCampaign(campaign.customAttributes),
        agentIds: state.agents.map((agent) => agent.userId),
        beforeMs: deps.now(),
        prng: deps.prng,
      }),
    );
    return answer(201, campaign, { Location: `${base}/${encodeURIComponent(id)}` });
  };

  const replace = (request: DemoRequest): DemoAnswer => {
    const current = find(request);
    if (!current) return notFound('Campaign', request.params.id ?? '');
    const parsed = parseReplacement(request.body, current.id);
    if (!parsed.ok) return parsed.answer;
    const overLimit = rulesOverLimit(parsed.value.rules, deps.maxConcurrentCallsLimit());
    if (overLimit) return overLimit;
    if (parsed.value.version !== current.version) {
      return apiError(
        409,
        'STALE_VERSION',
        `Version ${parsed.value.version} of campaign ${current.id} is stale; the current version is ${current.version}.`,
        'version',
      );
    }
    const checked = checkReplacementSemantics(parsed.value, state);
    if (!checked.ok) return checked.answer;
    const replaced: Campaign = {
      ...checked.value,
      id: current.id,
      status: current.status,
      version: current.version + 1,
      createdAt: current.createdAt,
      updatedAt: new Date(deps.now()).toISOString(),
    };
    state.campaigns.set(current.id, replaced);
    return answer(200, replaced);
  };

  const changeStatus = (request: DemoRequest): DemoAnswer => {
    const current = find(request);
    if (!current) return notFound('Campaign', request.params.id ?? '');
    const body = checkBody(request.body, statusChangeBodySchema);
    if (!body.ok) return body.answer;
    const changed = deps.lifecycle.requestStatus(current, body.value.status);
    return changed.ok ? answer(200, changed.value) : changed.answer;
  };

  const read = (request: DemoRequest): DemoAnswer => {
    const campaign = find(request);
    return campaign ? answer(200, campaign) : notFound('Campaign', request.params.id ?? '');
  };

  return [
    { method: 'GET', pattern: base, scope: 'outbound:campaign:read', handle: list },
    { method: 'POST', pattern: base, scope: 'outbound:campaign:write', handle: create },
    { method: 'GET', pattern: `${base}/:id`, scope: 'outbound:campaign:read', handle: read },
    { method: 'PUT', pattern: `${base}/:id`, scope: 'outbound:campaign:write', handle: replace },
    { method: 'PATCH', pattern: `${base}/:id`, scope: 'outbound:campaign:write', handle: changeStatus },
  ];
}
