import { Emitter } from '../../shared/base/emitter';
import type { RequestLogEntry } from '../../shared/tenant/request-log-entry';
import { knownSecrets, redactText } from '../security/known-secrets';

export type RequestLogListener = (entry: RequestLogEntry) => void;

export interface RequestLog {
  /** Newest first, at most `limit` entries. */
  recent(limit?: number): RequestLogEntry[];
  subscribe(listener: RequestLogListener): () => void;
}

export interface RequestLogWriter extends RequestLog {
  record(entry: RequestLogEntry): void;
}

const secretParameters = /([?&](?:client_secret|access_token|token|secret|password)=)[^&#]*/gi;
const bearerText = /(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g;

/** The log only ever sees paths and short error texts; this strips anything credential-shaped from both. */
export function redact(text: string, secrets: readonly string[] = []): string {
  const redacted = text.replace(secretParameters, '$1[redacted]').replace(bearerText, '$1 [redacted]');
  return redactText(redacted, [...secrets, ...knownSecrets.values()]);
}

/**
 * A ring buffer of the last `capacity` attempts. `secrets()` names values that must
 * never appear (the client secret, the current token); entries are redacted on write.
 */
export function createRequestLog(options: { capacity?: number; secrets?: () => readonly string[] } = {}): RequestLogWriter {
  const capacity = options.capacity ?? 500;
  const entries: RequestLogEntry[] = [];
  let next = 0;
  // A diagnostics listener must never break a tenant call: the Emitter keeps its errors from the caller.
  const logged = new Emitter<RequestLogEntry>();

  return {
    record(entry) {
      const secrets = options.secrets?.() ?? [];
      const clean: RequestLogEntry = { ...entry, path: redact(entry.path, secrets) };
      if (entry.error !== undefined) clean.error = redact(entry.error, secrets);
      if (entries.length < capacity) entries.push(clean);
      else entries[next] = clean;
      next = (next + 1) % capacity;
      logged.fire(clean);
    },
    recent(limit = capacity) {
      const ordered = entries.length < capacity ? [...entries] : [...entries.slice(next), ...entries.slice(0, next)];
      return ordered.reverse().slice(0, limit);
    },
    subscribe: logged.event,
  };
}
