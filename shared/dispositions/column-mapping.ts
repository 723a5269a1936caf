import { dispositionFields, emptyColumnMapping, requiredFields, type ColumnMapping, type Field } from './disposition-fields';

/** Compared after lower-casing and dropping everything but letters and digits: `Contact ID`, `contact_id`, `CONTACT-ID` → `contactid`. */
export const normaliseHeader = (header: string): string => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Accepted spellings per field, best first; the first header matching the earliest spelling wins. */
const headerSpellings: Record<Field, readonly string[]> = {
  contactId: ['contactid', 'contact', 'contactuuid'],
  campaignId: ['campaignid', 'campaign', 'campaignuuid'],
  outcomeCode: ['outcomecode', 'outcome', 'disposition', 'dispositioncode', 'wrapupcode', 'resultcode', 'result'],
  agentId: ['agentid', 'agent', 'agentuuid', 'userid'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks'],
  dispositionTimestamp: ['dispositiontimestamp', 'timestamp', 'dispositiontime', 'dispositionedat', 'dispositiondatetime', 'datetime'],
};

const customPrefix = /^custom[\s_-]+/i;

/** `custom_lead_score` → `lead_score`; null when the header is not a custom column. */
export const customFieldKey = (header: string): string | null => {
  const trimmed = header.trim();
  if (!customPrefix.test(trimmed)) return null;
  const key = trimmed.replace(customPrefix, '');
  return key.length > 0 ? key : null;
};

export interface MappingSuggestion {
  mapping: ColumnMapping;
  /** Headers no field or custom field is read from (shown so the user can map them). */
  unmapped: string[];
  /** Required fields no header provides. */
  missingRequired: Field[];
}

export function suggestColumnMapping(headers: readonly string[]): MappingSuggestion {
  const mapping = emptyColumnMapping();
  const used = new Set<number>();
  const normalised = headers.map(normaliseHeader);

  for (const field of dispositionFields) {
    for (const spelling of headerSpellings[field]) {
      const index = normalised.findIndex((name, i) => name === spelling && !used.has(i));
      if (index >= 0) {
        used.add(index);
        mapping.fields[field] = headers[index] ?? null;
        break;
      }
    }
  }
  headers.forEach((header, index) => {
    if (used.has(index)) return;
    const key = customFieldKey(header);
    if (key !== null && !(key in mapping.customFields)) {
      used.add(index);
      mapping.customFields[key] = header;
    }
  });

  return {
    mapping,
    unmapped: headers.filter((_, index) => !used.has(index)),
    missingRequired: missingRequiredFields(mapping),
  };
}

export const missingRequiredFields = (mapping: ColumnMapping): Field[] => requiredFields.filter((field) => mapping.fields[field] === null);
