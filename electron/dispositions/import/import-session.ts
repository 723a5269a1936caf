import type { BatchCellProblem, BatchField, BatchFilter, BatchOverview, BatchRow, BatchRowStatus } from '../../../shared/dispositions/import-batch';
import type { OutcomeMatrix } from './outcome-matrix';
import { matchesBatchFilter } from '../../../shared/dispositions/import-batch';
import type { DryRunRow } from '../../../shared/dispositions/import-dry-run';
import type { HeldBackRow, ImportJobSpec, ImportJobSummary, ImportRow, RowNotice } from '../../../shared/dispositions/import-job';
import { dispositionFields, fieldLabels, requiredFields, type ColumnMapping, type Field } from '../../../shared/dispositions/disposition-fields';
import type { DispositionRow, RowProblem } from '../../../shared/dispositions/disposition-row';
import { describeVerdict, resolveDuplicates } from '../../../shared/dispositions/resolve-duplicates';
import { validateDispositionRow } from '../../../shared/dispositions/validate-disposition-row';
import { usableMapping } from '../reading/usable-mapping';
import type { BatchSourceRow, ReadBatch } from './read-batch';

interface SessionRow {
  source: BatchSourceRow;
  raw: Record<string, string>;
  edited: boolean;
  problems: RowProblem[];
  valid: DispositionRow | null;
  status: BatchRowStatus;
  note: string | null;
  /** What the row as sent differs in from the file (trimmed identifiers). */
  notices: string[];
  /** The synthetic row standing for the lines the reader could not follow. */
  unread: boolean;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
export const batchFields: BatchField[] = dispositionFields.map((name) => ({
  name,
  label: capitalised(fieldLabels[name]),
  required: requiredFields.includes(name),
}));
const isField = (name: string): name is Field => (dispositionFields as readonly string[]).includes(name);

/**
 * One file open in the batch editor: its rows as read, the person's edits and mapping,
 * each row's status (validated and de-duplicated by the reading engine's rules), and
 * the last dry run. It becomes the import job's spec.
 */
export class ImportSession {
  private mappingInUse: ColumnMapping;
  private fileProblems: string[] = [];
  private rows: SessionRow[] = [];
  private readonly byLine = new Map<number, SessionRow>();
  private readonly dryRun = new Map<number, DryRunRow>();

  constructor(
    readonly id: string,
    private readonly batch: ReadBatch,
    readonly outcomeMatrix: OutcomeMatrix,
  ) {
    const fresh = (source: BatchSourceRow, unread: boolean): SessionRow => ({
      source,
      raw: source.raw,
      edited: false,
      problems: [],
      valid: null,
      status: 'invalid',
      note: null,
      notices: [],
      unread,
    });
    this.rows = batch.rows.map((source) => fresh(source, false));
    if (batch.unread) {
      const { line, message } = batch.unread;
      this.rows.push(fresh({ line, raw: {}, shapeProblems: [{ line, column: '', field: null, message }] }, true));
    }
    for (const row of this.rows) this.byLine.set(row.source.line, row);
    this.mappingInUse = batch.suggested.mapping;
    this.setMapping(batch.suggested.mapping);
  }

  get contentHash(): string {
    return this.batch.contentHash;
  }

  get fileName(): string {
    return this.batch.fileName;
  }

  setMapping(mapping: ColumnMapping): void {
    const usable = usableMapping(mapping, this.batch.headers);
    this.mappingInUse = usable.mapping;
    const missingRequired = requiredFields.filter((field) => usable.mapping.fields[field] === null);
    this.fileProblems = [
      ...this.batch.headerProblems,
      ...usable.missingHeaders.map(({ label, header }) => `The mapping reads the ${label} from column "${header}", which this file does not have.`),
      ...missingRequired.map((field) => `No column is mapped to the ${fieldLabels[field]}; choose the column that holds it.`),
      ...(this.batch.rows.length === 0 && this.batch.unread === null
        ? [`${this.batch.fileName} has no rows: its header (line ${this.batch.headerLine}) is followed by no disposition, so there is nothing to import.`]
        : []),
    ];
    for (const row of this.rows) this.validate(row);
    this.dryRun.clear();
    this.resolve();
  }

  /** Field mapping as the screen edits it; custom columns keep their suggested mapping. */
  setFieldMapping(fields: Record<string, string | null>): void {
    const next: ColumnMapping = { fields: { ...this.mappingInUse.fields }, customFields: { ...this.mappingInUse.customFields } };
    for (const [field, header] of Object.entries(fields)) if (isField(field)) next.fields[field] = header;
    this.setMapping(next);
  }

  private validate(row: SessionRow) {
    if (row.unread) {
      row.problems = row.source.shapeProblems;
      row.valid = null;
      return;
    }
    const result = validateDispositionRow(row.raw, this.mappingInUse, {
      outcomeMatrix: this.outcomeMatrix.codes,
      ...(this.outcomeMatrix.help ? { outcomeHelp: this.outcomeMatrix.help } : {}),
      now: () => this.batch.readAt,
      lineNumber: row.source.line,
    });
    const stillUndecodable = row.source.shapeProblems.filter((problem) => problem.column === '' || (row.raw[problem.column] ?? '').includes('\uFFFD'));
    row.problems = [...stillUndecodable, ...(result.ok ? [] : result.problems)];
    row.valid = result.ok && row.problems.length === 0 ? result.row : null;
    row.notices = result.ok ? (result.notices ?? []) : [];
  }

  private resolve() {
    const valid = this.rows.flatMap((row) => (row.valid ? [row.valid] : []));
    const verdicts = new Map(resolveDuplicates(valid).map(({ row, verdict }) => [row.line, verdict]));
    for (const row of this.rows) {
      if (!row.valid || this.fileProblems.length > 0) {
        row.status = 'invalid';
        row.note = row.problems.length > 0 ? row.problems.map((problem) => problem.message).join(' ') : (this.fileProblems[0] ?? null);
        continue;
      }
      const verdict = verdicts.get(row.source.line) ?? { kind: 'winner' as const };
      row.status = verdict.kind === 'winner' ? (this.dryRun.get(row.source.line)?.verdict === 'noop' ? 'noop' : 'will_apply') : verdict.kind;
      row.note = describeVerdict(verdict) ?? (row.notices.length > 0 ? row.notices.join(' ') : null);
    }
  }

  private view(row: SessionRow): BatchRow {
    const cells: Record<string, string> = {};
    for (const field of dispositionFields) {
      const header = this.mappingInUse.fields[field];
      cells[field] = header === null ? '' : (row.raw[header] ?? '');
    }
    const problems: BatchCellProblem[] = row.problems.map((problem) => ({ field: problem.field ?? 'row', message: problem.message }));
    const dry = this.dryRun.get(row.source.line);
    return {
      line: row.source.line,
      cells,
      status: row.status,
      problems,
      note: row.note,
      dryRun: dry ? { verdict: dry.verdict, reason: dry.reason } : null,
      ...(row.unread ? { unread: true } : {}),
    };
  }

  overview(sessionId: string, previousImport: ImportJobSummary | null): BatchOverview {
    const counts = { total: this.rows.length, invalid: 0, willApply: 0, willSkip: 0, edited: 0 };
    for (const row of this.rows) {
      if (row.status === 'invalid') counts.invalid += 1;
      else if (row.status === 'will_apply') counts.willApply += 1;
      else counts.willSkip += 1;
      if (row.edited) counts.edited += 1;
    }
    return {
      sessionId,
      fileName: this.batch.fileName,
      contentHash: this.batch.contentHash,
      encoding: this.batch.encoding,
      sizeBytes: this.batch.sizeBytes,
      headers: this.batch.headers,
      fields: batchFields,
      mapping: { ...this.mappingInUse.fields },
      fileProblems: this.fileProblems,
      unread: this.batch.unread,
      counts,
      outcomeMatrix: this.outcomeMatrix.codes,
      outcomeMatrixSource: this.outcomeMatrix.source,
      previousImport,
    };
  }

  page(filter: BatchFilter, offset: number, limit: number): { total: number; rows: BatchRow[] } {
    const matching = filter === 'all' ? this.rows : this.rows.filter((row) => matchesBatchFilter(row.status, filter));
    return { total: matching.length, rows: matching.slice(offset, offset + limit).map((row) => this.view(row)) };
  }

  /** Changes one cell and re-checks the row (and, through duplicates, its contact's other rows). */
  edit(line: number, field: string, value: string): { ok: true; row: BatchRow } | { ok: false; reason: string } {
    const row = this.byLine.get(line);
    if (!row) return { ok: false, reason: `The file has no row on line ${line}.` };
    if (row.unread) return { ok: false, reason: `Line ${line} and the lines after it were not read; fix the file where it says and open it again.` };
    if (!isField(field)) return { ok: false, reason: `Unknown column ${field}.` };
    const header = this.mappingInUse.fields[field];
    if (header === null) return { ok: false, reason: `No column is mapped to the ${fieldLabels[field]}; map one first.` };
    row.raw = { ...row.raw, [header]: value };
    row.edited = true;
    this.validate(row);
    this.dryRun.delete(line);
    this.resolve();
    return { ok: true, row: this.view(row) };
  }

  /** The rows a dry run or an import sends: one valid winner per contact. */
  rowsToSend(): ImportRow[] {
    return this.rows.flatMap((row) => (row.valid && (row.status === 'will_apply' || row.status === 'noop') ? [toImportRow(row.valid)] : []));
  }

  recordDryRun(rows: readonly DryRunRow[]): void {
    for (const row of rows) this.dryRun.set(row.line, row);
    this.resolve();
  }

  /** The import job: rows to send (no-ops are sent too: the run re-reads each contact) and rows held back. */
  toSpec(): ImportJobSpec {
    const heldBack: HeldBackRow[] = [];
    for (const row of this.rows) {
      if (row.status !== 'invalid' && row.status !== 'superseded') continue;
      const cell = (field: Field) => {
        const header = this.mappingInUse.fields[field];
        return header === null ? '' : (row.raw[header] ?? '').trim();
      };
      heldBack.push({
        line: row.source.line,
        campaignId: cell('campaignId'),
        contactId: cell('contactId'),
        outcomeCode: cell('outcomeCode'),
        kind: row.status === 'invalid' ? 'rejected' : 'superseded',
        reason: row.note ?? (row.status === 'invalid' ? 'Invalid row.' : 'Superseded by a later row for the same contact.'),
      });
    }
    const rows = this.rowsToSend();
    const sent = new Set(rows.map((row) => row.line));
    const notices: RowNotice[] = this.rows.flatMap(({ valid, notices }) =>
      valid && sent.has(valid.line) ? notices.map((message) => ({ line: valid.line, campaignId: valid.campaignId, contactId: valid.contactId, message })) : [],
    );
    return { contentHash: this.batch.contentHash, fileName: this.batch.fileName, rows, heldBack, ...(notices.length > 0 ? { notices } : {}) };
  }
}

const toImportRow = (row: DispositionRow): ImportRow => ({
  line: row.line,
  campaignId: row.campaignId,
  contactId: row.contactId,
  outcomeCode: row.outcomeCode,
  agentId: row.agentId,
  dispositionTimestamp: row.dispositionTimestamp,
  ...(row.notes !== undefined ? { notes: row.notes } : {}),
  ...(row.customFields !== undefined ? { customFields: row.customFields } : {}),
});
