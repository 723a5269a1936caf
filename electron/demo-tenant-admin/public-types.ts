import type { DemoFault } from '../demo-tenant/public-types';

/** Knobs that may change while the simulated Admin API tenant runs. */
export interface AdminApiDemoKnobs {
  /** Token bucket over every request; 0/undefined = unlimited. */
  rateLimitPerSecond?: number;
  /** Whether a 429 carries Retry-After; the public facts say real tenants do not reliably send it. */
  sendRetryAfter?: boolean;
  /** How long a start or stop takes to land after its 202; 0 = before the answer. */
  startStopDelayMs?: number;
  tokenTtlSeconds?: number;
  /** Added to every answer; 0 = none (default). */
  latencyMs?: number;
}

export interface AdminApiDemoTenantOptions {
  port?: number;
  /** Default 42; the data is deterministic for a seed. */
  seed?: number;
  /** Personal Connection skills; a few inbound skills are added beside them. Default 300. */
  skillCount?: number;
  /** Contacts known per outbound skill (for set-disposition). Default 20. */
  contactsPerSkill?: number;
  knobs?: AdminApiDemoKnobs;
}

export interface AdminSkillDisposition {
  dispositionId: number;
  dispositionName: string;
}

/** A skill as GET /skills/{id} answers it (the fields the public facts name). */
export interface AdminSkill {
  skillId: number;
  skillName: string;
  mediaTypeId: number;
  mediaTypeName: string;
  isActive: boolean;
  isOutbound: boolean;
  outboundStrategy: string | null;
  isRunning: boolean;
  campaignId: number;
  campaignName: string;
  requireDisposition: boolean;
  dispositions: AdminSkillDisposition[];
}

export interface AdminDispositionInfo {
  skill: number;
  dispositionCode: number;
  dispositionName: string;
  notes: string | null;
  callbackNumber: string | null;
  callbackTime: string | null;
  commitmentAmount: number | null;
}

export interface AdminContact {
  contactId: number;
  skillId: number;
  /** The contact is in progress on the dialer (listed by /contacts/active). */
  active: boolean;
  disposition: AdminDispositionInfo | null;
}

export interface AdminAgentState {
  agentId: number;
  agentStateName: string;
  skillId: number | null;
  isOutbound: boolean;
  contactId: number | null;
  teamId: number;
  startDate: string;
}

export interface AdminCallingList {
  listId: number;
  listName: string;
  status: string;
  totalRecords: number;
  validRecords: number;
  finalizedRecords: number;
}

export interface AdminDncGroup {
  dncGroupId: number;
  dncGroupName: string;
  dncGroupDescription: string;
  isActive: boolean;
}

export interface AdminApiTenantState {
  /** In id order, which is also the listing order. */
  skills: Map<number, AdminSkill>;
  contacts: Map<number, AdminContact>;
  agentStates: AdminAgentState[];
  dispositions: AdminSkillDisposition[];
  callingLists: AdminCallingList[];
  dncGroups: AdminDncGroup[];
  /** dncGroupId -> phone numbers (10 digits) with their expiry. */
  dncRecords: Map<number, Map<string, string | null>>;
  /** Every start/stop request, oldest first: what a test asks "did the console force it?". */
  startStopLog: { skillId: number; action: 'start' | 'stop'; force: boolean }[];
}

export interface AdminApiDemoStats {
  requests: number;
  rateLimited: number;
}

export interface AdminApiDemoTenantHandle {
  /** The OpenID issuer the console is configured with (also the API host here). */
  issuer: string;
  accessKeyId: string;
  accessKeySecret: string;
  /** e.g. "33.0"; the API lives under /inContactAPI/services/v{apiVersion}/. */
  apiVersion: string;
  /** The tenant id carried in the id_token claims. */
  tenantId: string;
  /** An application registration for the password grant at the token endpoint. */
  application: { clientId: string; clientSecret: string };
  state: AdminApiTenantState;
  stats(): AdminApiDemoStats;
  setKnobs(knobs: AdminApiDemoKnobs): void;
  /** Faults of the contract demo's kinds `status` and `drop`; paths are full request paths. */
  injectFaults(...faults: DemoFault[]): void;
  revokeAllTokens(): void;
  close(): Promise<void>;
}
