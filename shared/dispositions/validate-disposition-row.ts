import { outcomeCodePattern } from '../cxone/schemas';
import { nearestOutcomeCode } from './outcome-code-match';
import { fieldLabels, notesMaxChars, requiredFields, type ColumnMapping, type Field } from './disposition-fields';
import { readDispositionTimestamp } from './disposition-timestamp';
import type { DispositionRow, RowProblem, RowValidation } from './disposition-row';
import { canonicalValueHash } from './row-content-hash';

export interface RowValidationContext {
  /** The tenant's outcome codes (its wrap-up codes, or `defaultOutcomeMatrix`). */
  outcomeMatrix: readonly string[];
  /** Gives the timestamp of rows without one; a scan passes one fixed instant so identical rows stay identical. */
  now: () => Date;
  lineNumber: number;
  /** What a refusal of an unknown outcome code can add: the disposition each code stands for, and where a code is mapped. */
  outcomeHelp?: OutcomeHelp;
}

export interface OutcomeHelp {
  /** Outcome code → the tenant's name for it (its wrap-up code or disposition). */
  names?: Readonly<Record<string, string>>;
  /** Where an outcome is mapped to a disposition (Admin API tenants), e.g. Settings ("Outcome codes → dispositions") or CXONE_OUTCOME_DISPOSITIONS. */
  mapIn?: string;
}

const freeTextFields: ReadonlySet<Field> = new Set<Field>(['notes']);
const trimmedFields: readonly Field[] = ['contactId', 'campaignId', 'outcomeCode', 'agentId', 'dispositionTimestamp'];

/** A timestamp this far ahead of now is treated as a typo, not clock drift. */
const futureToleranceMs = 5 * 60_000;

export function validateDispositionRow(raw: Readonly<Record<string, string>>, mapping: ColumnMapping, context: RowValidationContext): RowValidation {
  const line = context.lineNumber;
  const problems: RowProblem[] = [];
  const problem = (field: Field, message: string) => problems.push({ line, column: mapping.fields[field] ?? '', field, message: `Line ${line}: ${message}` });
  const notices: string[] = [];
  // Identifiers, codes and timestamps are read without the spaces around them (and the row says so);
  // notes are the lead's words and arrive exactly as written.
  const cell = (field: Field): string => {
    const header = mapping.fields[field];
    if (header === null) return '';
    const written = raw[header] ?? '';
    return freeTextFields.has(field) ? written : written.trim();
  };
  const noteTrimmed = (field: Field) => {
    const header = mapping.fields[field];
    const written = header === null ? '' : (raw[header] ?? '');
    const trimmed = written.trim();
    if (trimmed !== written && trimmed !== '') {
      notices.push(
        `Line ${line}: the ${fieldLabels[field]} in the file is ${JSON.stringify(written)}, with spaces around it; it is sent as ${JSON.stringify(trimmed)}.`,
      );
    }
  };

  for (const field of requiredFields) {
    const header = mapping.fields[field];
    if (header === null) problem(field, `no column provides the ${fieldLabels[field]}; map one of the file's columns to it`);
    else if (cell(field) === '') problem(field, `${fieldLabels[field]} is empty (column "${header}"); every row needs one`);
  }

  const outcomeCode = cell('outcomeCode');
  if (outcomeCode !== '') {
    const outcomeProblem = checkOutcome(outcomeCode, context.outcomeMatrix, context.outcomeHelp);
    if (outcomeProblem) problem('outcomeCode', outcomeProblem);
  }

  const notes = cell('notes');
  // Counted in characters, not UTF-16 units; only long notes pay for the count.
  const notesLength = notes.length > notesMaxChars ? [...notes].length : notes.length;
  if (notesLength > notesMaxChars) problem('notes', `notes are ${notesLength} characters long; at most ${notesMaxChars} are allowed`);

  const timestampText = cell('dispositionTimestamp');
  // "now" is formatted only for rows that lack a timestamp.
  let dispositionTimestamp = timestampText === '' ? context.now().toISOString() : '';
  if (timestampText !== '') {
    const reading = readDispositionTimestamp(timestampText);
    if (!reading.ok) problem('dispositionTimestamp', `disposition timestamp ${reading.reason}`);
    else if (reading.epochMs > context.now().getTime() + futureToleranceMs) {
      problem('dispositionTimestamp', `disposition timestamp "${timestampText}" is in the future; expected the time the call was dispositioned`);
    } else dispositionTimestamp = reading.iso;
  }

  if (problems.length > 0) return { ok: false, problems };
  for (const field of trimmedFields) noteTrimmed(field);

  const customFields = readCustomFields(raw, mapping);
  const content = {
    contactId: cell('contactId'),
    campaignId: cell('campaignId'),
    outcomeCode,
    agentId: cell('agentId'),
    ...(notes !== '' ? { notes } : {}),
    dispositionTimestamp,
    ...(customFields ? { customFields } : {}),
  };
  const row: DispositionRow = { line, ...content, rowHash: canonicalHash(content) };
  return notices.length > 0 ? { ok: true, row, notices } : { ok: true, row };
}

function checkOutcome(code: string, matrix: readonly string[], help: OutcomeHelp | undefined): string | null {
  const upper = code.toUpperCase();
  if (code !== upper && matrix.includes(upper)) {
    return `outcome code "${code}" must be written in capitals; did you mean "${upper}"?`;
  }
  if (!outcomeCodePattern.test(code)) {
    return `outcome code "${code}" is not valid; expected 3–20 capital letters or underscores, one of ${matrix.join(', ')}`;
  }
  if (matrix.includes(code)) return null;
  const nearest = nearestOutcomeCode(code, matrix);
  const name = nearest ? help?.names?.[nearest] : undefined;
  const guess = nearest ? ` Did you mean ${nearest}${name ? ` (${name})` : ''}?` : '';
  const mapIt = help?.mapIn ? ` Map it to a disposition in ${help.mapIn}.` : '';
  return `outcome code "${code}" is not one of the tenant's outcomes: ${matrix.join(', ')}.${guess}${mapIt}`;
}

function readCustomFields(raw: Readonly<Record<string, string>>, mapping: ColumnMapping): Record<string, string> | undefined {
  let customFields: Record<string, string> | undefined;
  for (const key in mapping.customFields) {
    if (!Object.hasOwn(mapping.customFields, key)) continue;
    const value = raw[mapping.customFields[key] as string] ?? '';
    if (value.trim() === '') continue;
    customFields ??= {};
    // A key named __proto__ would set the prototype by plain assignment.
    if (key === '__proto__') Object.defineProperty(customFields, key, { value, enumerable: true, writable: true, configurable: true });
    else customFields[key] = value;
  }
  return customFields;
}

/** The hash of the row's canonical JSON text (values in a fixed order, custom fields sorted by key), computed without writing it. */
function canonicalHash(content: Omit<DispositionRow, 'line' | 'rowHash'>): string {
  const custom = Object.entries(content.customFields ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return canonicalValueHash([
    content.campaignId,
    content.contactId,
    content.outcomeCode,
    content.agentId,
    content.notes ?? null,
    content.dispositionTimestamp,
    custom,
  ]);
}
