import type { Contact, DispositionPatch } from '../../../shared/cxone/schemas';

/**
 * What the import needs from the tenant. The tenant client behind it owns retries,
 * the rate limiter and authentication; these calls throw a ConsoleFailure carrying
 * the typed error once the client has given up.
 */
export interface ImportContactsPort {
  get(campaignId: string, contactId: string, signal?: AbortSignal): Promise<Contact>;
  /** A campaign's contacts a page at a time; lets a large file read contacts in pages instead of one by one. */
  list?(campaignId: string, query?: { pageSize?: number }, signal?: AbortSignal): AsyncIterable<Contact>;
  applyDisposition(campaignId: string, contactId: string, patch: DispositionPatch, signal?: AbortSignal): Promise<Contact>;
}

export interface ImportAuditEntry {
  action: string;
  target: { type: string; id: string; name?: string };
  outcome: 'success' | 'partial' | 'failed' | 'cancelled';
  reason?: string;
  latencyMs?: number;
  details?: Record<string, unknown>;
}

/** The one audit writer, seen from the import (the composition root adds actor and tenant). */
export interface ImportAuditSink {
  record(entry: ImportAuditEntry): Promise<void>;
}

export interface SuppressedContact {
  phone: string;
  campaignId: string;
  contactId: string;
  /** Where the opt-out came from, e.g. "disposition import <file> line 12". */
  source: string;
}

/** The console's local suppression list (DO_NOT_CALL opt-outs). */
export interface ImportSuppressionSink {
  add(entry: SuppressedContact): Promise<void>;
}

/** The body of the CRM DISPOSITION_UPDATE notification (contract §5). */
export interface DispositionUpdateNotification {
  event: 'DISPOSITION_UPDATE';
  source: 'cxone-console';
  data: {
    contactId: string;
    campaignId: string;
    outcomeCode: string;
    agentId: string;
    status: 'applied';
    latencyMs: number;
    timestamp: string;
  };
}

/** The durable, signed, retried outbox; `enabled` is false when no CRM URL is configured. */
export interface ImportNotificationSink {
  enabled(): boolean;
  /** `key` lets the outbox drop a second copy of the same notification (a resumed row). */
  enqueue(notification: DispositionUpdateNotification, key: string): Promise<void>;
}
