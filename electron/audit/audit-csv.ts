import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { AuditEntry } from '../../shared/audit/audit-entry';
import { spreadsheetSafeCell } from '../files/spreadsheet-safe-cell';

export const auditCsvColumns = [
  'seq',
  'at',
  'actorType',
  'actorName',
  'tenant',
  'action',
  'targetType',
  'targetId',
  'targetName',
  'outcome',
  'reason',
  'latencyMs',
  'before',
  'after',
  'details',
  'hash',
] as const;

const json = (value: unknown) => (value === undefined ? '' : JSON.stringify(value));

export function auditCsvRow(entry: AuditEntry): string[] {
  const text = (value: string | undefined) => spreadsheetSafeCell(value ?? '');
  return [
    String(entry.seq),
    entry.at,
    entry.actor.type,
    text(entry.actor.name),
    text(entry.tenant),
    text(entry.action),
    text(entry.target.type),
    text(entry.target.id),
    text(entry.target.name),
    entry.outcome,
    text(entry.reason),
    entry.latencyMs === undefined ? '' : String(entry.latencyMs),
    json(entry.before),
    json(entry.after),
    json(entry.details),
    entry.hash,
  ];
}

/**
 * Writes a header and one RFC 4180 row per entry (fields with commas, quotes or line breaks are
 * quoted, quotes doubled, CRLF between records) to `output`, honouring back-pressure.
 * Ends `output` when done. Resolves with the number of entries written.
 */
export async function writeAuditCsv(entries: AsyncIterable<AuditEntry>, output: Writable): Promise<{ rows: number }> {
  let rows = 0;
  async function* records() {
    for await (const entry of entries) {
      rows += 1;
      yield auditCsvRow(entry);
    }
  }
  await pipeline(Readable.from(records()), stringify({ header: true, columns: [...auditCsvColumns], record_delimiter: 'windows', bom: false }), output);
  return { rows };
}
