import { createHash } from 'node:crypto';
import type { AuditEntry, AuditEntryInput } from '../../shared/audit/audit-entry';
import { canonicalJson } from './canonical-json';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash an entry must carry: sha256 over the canonical JSON of every member except `hash` itself. */
export function expectedHash(entry: Record<string, unknown>): string {
  const { hash: _ignored, ...rest } = entry;
  return sha256(canonicalJson(rest));
}

/**
 * Gives an input its place in the chain. The value is first passed through JSON so the
 * hash is computed over exactly what a reader will parse back from the file.
 */
export function sealEntry(input: AuditEntryInput, seq: number, at: string, prevHash: string): AuditEntry {
  const written = JSON.parse(JSON.stringify({ seq, at, ...input, prevHash })) as Omit<AuditEntry, 'hash'>;
  return { ...written, hash: expectedHash(written) };
}
