import { basename } from 'node:path';
import { describeError } from '../../../shared/errors';
import { fieldLabels } from '../../../shared/dispositions/disposition-fields';
import type { RowProblem } from '../../../shared/dispositions/disposition-row';
import type { OutcomeHelp } from '../../../shared/dispositions/validate-disposition-row';
import { noRowsCode } from './read-disposition-file';
import { scanDispositionFile, type ScanCounts } from './scan-disposition-file';

export interface CheckContext {
  outcomeMatrix: { codes: readonly string[]; tenant: string | null };
  /** Names and the mapping place a refusal of an unknown outcome code mentions. */
  outcomeHelp?: OutcomeHelp;
  /** Admin API tenants: the outcome → disposition mapping whose codes the check also knows, and where it came from. */
  outcomeMapping?: { source: { kind: string } & Record<string, unknown>; description: string; codes: readonly string[] };
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What `dispositions check --json` prints: the counts and every problem (the first 1000 listed, all counted). */
export interface CheckDocument {
  file: string;
  encoding: string;
  outcomeMatrix: { source: 'tenant' | 'default'; tenant: string | null; codes: readonly string[] };
  outcomeMapping?: { source: { kind: string } & Record<string, unknown>; codes: readonly string[] };
  counts: ScanCounts;
  fileProblems: string[];
  /** Where the CSV could not be followed: lines from `line` on were not read. */
  unread: { line: number; lastLine: number; message: string } | null;
  problemCount: number;
  problems: RowProblem[];
}

const maxProblemsListed = 1000;
const maxProblemsPrinted = 50;

/**
 * `cxone-console dispositions check <file>`: the import's reading, validation and de-duplication,
 * streamed (no rows held), with no tenant. Exit 0 when every row is valid, 1 when any is not or the
 * file has no rows, 2 when the file cannot be read.
 */
export async function runCliCheck(file: string, flags: { json: boolean }, context: CheckContext): Promise<0 | 1 | 2> {
  const scanned = await scanDispositionFile(file, {
    outcomeMatrix: context.outcomeMatrix.codes,
    ...(context.outcomeHelp ? { outcomeHelp: context.outcomeHelp } : {}),
    now: () => new Date(),
    maxProblems: maxProblemsListed,
    keepRows: false,
  });
  if (!scanned.ok) {
    context.stderr(`${describeError(scanned.error)}\n`);
    return scanned.error.code === noRowsCode ? 1 : 2;
  }
  const summary = scanned.value;
  const missing = summary.missingRequired.map(
    (field) => `No column provides the ${fieldLabels[field]}; name one of the columns for it (headers found: ${summary.headers.join(', ')}).`,
  );
  const fileProblems = [
    ...summary.fileProblems,
    ...missing,
    ...(summary.counts.rows === 0 && !summary.unread ? [`${basename(file)} has no rows: its header is followed by no disposition.`] : []),
  ];
  const document: CheckDocument = {
    file,
    encoding: summary.encoding,
    outcomeMatrix: { source: context.outcomeMatrix.tenant ? 'tenant' : 'default', tenant: context.outcomeMatrix.tenant, codes: context.outcomeMatrix.codes },
    ...(context.outcomeMapping ? { outcomeMapping: { source: context.outcomeMapping.source, codes: context.outcomeMapping.codes } } : {}),
    counts: summary.counts,
    fileProblems,
    unread: summary.unread,
    problemCount: summary.problemCount,
    problems: summary.problems,
  };
  const mappingLine = context.outcomeMapping ? `Outcome mapping: ${context.outcomeMapping.description}.\n` : '';
  context.stdout(flags.json ? `${JSON.stringify(document)}\n` : mappingLine + checkText(document));
  const allValid = summary.counts.invalid === 0 && summary.counts.rows > 0 && fileProblems.length === 0 && summary.unread === null;
  return allValid ? 0 : 1;
}

function checkText(document: CheckDocument): string {
  const c = document.counts;
  const matrix = document.outcomeMatrix.tenant ? `the outcome codes of ${document.outcomeMatrix.tenant}` : 'the default outcome matrix';
  const lines = [
    `${basename(document.file)}: ${c.rows} rows, ${c.valid} valid (${c.winners} to apply, ${c.superseded} superseded, ${c.duplicates} duplicates), ${c.invalid} invalid — ${document.encoding}, checked against ${matrix}.`,
    ...document.fileProblems,
    ...(document.unread ? [document.unread.message] : []),
    ...document.problems.slice(0, maxProblemsPrinted).map((problem) => `  ${problem.message}`),
    ...(document.problemCount > maxProblemsPrinted
      ? [`  … and ${document.problemCount - maxProblemsPrinted} more problems (--json lists the first ${maxProblemsListed}).`]
      : []),
  ];
  return `${lines.join('\n')}\n`;
}
