import { dispositionFields, fieldLabels, type ColumnMapping } from '../../../shared/dispositions/disposition-fields';

/** A mapping (maybe saved for another file) reduced to the headers this file has, with what it lost. */
export function usableMapping(
  mapping: ColumnMapping,
  headers: readonly string[],
): { mapping: ColumnMapping; missingHeaders: { label: string; header: string }[] } {
  const present = new Set(headers);
  const missingHeaders: { label: string; header: string }[] = [];
  const fields = { ...mapping.fields };
  for (const field of dispositionFields) {
    const header = fields[field];
    if (header !== null && !present.has(header)) {
      missingHeaders.push({ label: fieldLabels[field], header });
      fields[field] = null;
    }
  }
  const customFields: Record<string, string> = {};
  for (const [key, header] of Object.entries(mapping.customFields)) {
    if (present.has(header)) customFields[key] = header;
    else missingHeaders.push({ label: `custom field "${key}"`, header });
  }
  return { mapping: { fields, customFields }, missingHeaders };
}
