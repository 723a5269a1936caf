import type { RowProblem } from '../../../shared/dispositions/disposition-row';

export type ShapeCheck = { ok: true } | { ok: false; problems: RowProblem[] };

/**
 * A row must have as many values as the header has columns. Extra values that
 * are all empty (a trailing comma, as some spreadsheets write) are tolerated.
 */
export function checkShape(record: readonly string[], columns: number, line: number): ShapeCheck {
  if (record.length === columns) return { ok: true };
  if (record.length > columns && record.slice(columns).every((value) => value.trim() === '')) return { ok: true };
  const message =
    record.length < columns
      ? `Line ${line}: has ${record.length} values but the header has ${columns} columns; check for a missing comma or a line break that splits the row.`
      : `Line ${line}: has ${record.length} values but the header has ${columns} columns; a value that contains a comma must be in double quotes.`;
  return { ok: false, problems: [{ line, column: '', field: null, message }] };
}

/** Header → value; a header that appears twice is read from its first column. */
export function rawRecord(headers: readonly string[], record: readonly string[]): Record<string, string> {
  const raw: Record<string, string> = {};
  for (let index = 0; index < headers.length; index += 1) {
    const header = headers[index] as string;
    if (Object.hasOwn(raw, header)) continue;
    // A header named __proto__ would set the prototype by plain assignment.
    if (header === '__proto__') Object.defineProperty(raw, header, { value: record[index] ?? '', enumerable: true, writable: true, configurable: true });
    else raw[header] = record[index] ?? '';
  }
  return raw;
}
