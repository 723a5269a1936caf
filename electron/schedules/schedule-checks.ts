import type { Campaign, DncList, RetryPolicy } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import { isKnownZone } from '../../shared/schedules/local-time';
import { todayIn, type WindowSchedule } from '../../shared/schedules/calling-windows';
import { checkSchedule, type GateInput, type GateResult } from '../../shared/schedules/compliance-gate';
import type { GateContact } from '../../shared/schedules/contact-home';
import { detectScheduleConflicts, type ScheduleConflict } from '../../shared/schedules/schedule-conflicts';
import type { CampaignsPort, ContactsPort, RealtimeAgentsPort, ReferenceDataPort } from '../tenant/ports';

export interface ScheduleCheckPorts {
  campaigns: Pick<CampaignsPort, 'get'>;
  contacts: Pick<ContactsPort, 'list'>;
  referenceData: Pick<ReferenceDataPort, 'dncList'>;
}

export interface ScheduleCheckRequest {
  campaignId: string;
  /** The schedule to check; absent fields come from the campaign's stored schedule. */
  schedule: Partial<WindowSchedule>;
  /** The retry policy to check (and, on apply, to store); default the campaign's own. */
  retryPolicy?: RetryPolicy;
  /** A date in the schedule's zone; default today there. */
  from?: string;
  days: number;
  nowMs: number;
  signal?: AbortSignal;
}

export type ScheduleCheck = GateResult & { campaign: Campaign; schedule: WindowSchedule; from: string };

async function dncListOf(ports: ScheduleCheckPorts, id: string | null, signal?: AbortSignal): Promise<Pick<DncList, 'id' | 'state'> | null> {
  if (id === null) return null;
  try {
    return await ports.referenceData.dncList(id, signal);
  } catch (thrown) {
    if (toConsoleError(thrown).kind === 'not_found') return null;
    throw thrown;
  }
}

/** The proposed schedule over the stored one: a field given on the command line or in the screen wins. */
export function scheduleFor(campaign: Campaign, proposed: Partial<WindowSchedule>): WindowSchedule {
  const stored = campaign.schedule;
  return {
    timezone: proposed.timezone ?? stored?.timezone ?? campaign.customAttributes.timezone ?? '',
    cronExpression: proposed.cronExpression ?? stored?.cronExpression ?? '',
    ...((proposed.windowMinutes ?? stored?.windowMinutes) !== undefined ? { windowMinutes: proposed.windowMinutes ?? stored?.windowMinutes } : {}),
    ...(proposed.blackoutDates && proposed.blackoutDates.length > 0 ? { blackoutDates: [...proposed.blackoutDates].sort() } : {}),
  };
}

/** What the gate reads of a campaign on the tenant: the campaign, its contacts (page style, §4.6) and its DNC list (§4.5). */
export interface GateSubject {
  campaign: Campaign;
  contacts: GateContact[];
  dncList: Pick<DncList, 'id' | 'state'> | null;
}

/** Contacts are reduced to what the gate reads as they arrive, so a large list is not held whole. */
export async function readGateSubject(ports: ScheduleCheckPorts, campaignId: string, signal?: AbortSignal): Promise<GateSubject> {
  const campaign = await ports.campaigns.get(campaignId, signal);
  const contacts: GateContact[] = [];
  for await (const contact of ports.contacts.list(campaign.id, { pageSize: 500 }, signal)) contacts.push({ phone: contact.phone, timezone: contact.timezone });
  return { campaign, contacts, dncList: await dncListOf(ports, campaign.dncListId, signal) };
}

/** The gate's input; the retry policy is the proposed one, else the campaign's stored one. */
export function gateInputOf(subject: GateSubject, schedule: WindowSchedule, range: { from: string; days: number }, retryPolicy?: RetryPolicy): GateInput {
  const { campaign } = subject;
  return {
    schedule,
    range,
    dncRules: campaign.dncRules,
    dncListId: campaign.dncListId,
    dncList: subject.dncList,
    contacts: subject.contacts,
    retryPolicy: retryPolicy ?? campaign.schedule?.retryPolicy ?? null,
  };
}

/** The compliance gate for one campaign against the tenant. */
export async function checkCampaignSchedule(ports: ScheduleCheckPorts, request: ScheduleCheckRequest): Promise<ScheduleCheck> {
  const subject = await readGateSubject(ports, request.campaignId, request.signal);
  const schedule = scheduleFor(subject.campaign, request.schedule);
  const from = request.from ?? todayIn(isKnownZone(schedule.timezone) ? schedule.timezone : 'UTC', request.nowMs);
  return { ...checkSchedule(gateInputOf(subject, schedule, { from, days: request.days }, request.retryPolicy)), campaign: subject.campaign, schedule, from };
}

export interface ConflictPorts {
  campaigns: Pick<CampaignsPort, 'list'>;
  realtimeAgents: RealtimeAgentsPort;
}

/** Conflicts between the tenant's scheduled, not yet completed campaigns over the coming days. */
export async function findScheduleConflicts(ports: ConflictPorts, range: { fromMs: number; days: number }, signal?: AbortSignal): Promise<ScheduleConflict[]> {
  const campaigns: Campaign[] = [];
  for await (const campaign of ports.campaigns.list({ pageSize: 500 }, signal)) {
    if (campaign.schedule !== null && campaign.status !== 'completed' && campaign.status !== 'failed') campaigns.push(campaign);
  }
  const agents = [];
  for await (const agent of ports.realtimeAgents.agents(signal)) agents.push(agent);
  return detectScheduleConflicts(campaigns, agents, range);
}
