import { consoleError, ConsoleFailure, toConsoleError, type ConsoleError } from '../../../shared/errors';

interface CsvParseError {
  code: string;
  message: string;
  /** The index of the value the parser was in (0-based). */
  index?: number;
}

export const isCsvParseError = (thrown: unknown): thrown is Error & CsvParseError => {
  const code: unknown = thrown instanceof Error ? (thrown as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('CSV_');
};

const isNodeError = (thrown: unknown): thrown is NodeJS.ErrnoException => thrown instanceof Error && 'code' in thrown;

const megabytes = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

/**
 * Where the parser could not go on. csv-parse names the line it had reached (the end of
 * the file, for a quote never closed); the record it failed in starts on `line`, the
 * first line after the last record it gave, which is where the quote was opened.
 */
export function unreadRest(
  thrown: Error & CsvParseError,
  where: { fileName: string; line: number; lastLine: number; headers: readonly string[]; maxRecordBytes: number },
): { type: 'unread'; line: number; lastLine: number; column: string; message: string } {
  const { fileName, line, lastLine } = where;
  const index = thrown.index ?? 0;
  const column = where.headers[index] ?? '';
  const place = `${fileName} line ${line}, column ${index + 1}${column ? ` ("${column}")` : ''}`;
  const lines = lastLine > line ? `lines ${line}–${lastLine} were not read` : `line ${line} was not read`;
  const rowsBefore = line > 1 ? 'the rows before it are read' : 'nothing was read';
  if (thrown.code === 'CSV_QUOTE_NOT_CLOSED') {
    return {
      type: 'unread',
      line,
      lastLine,
      column,
      message: `${place}: a double quote opens a value that is never closed, so ${lines} (${rowsBefore}); close the quote, or write a quote inside a value as "".`,
    };
  }
  if (thrown.code === 'CSV_MAX_RECORD_SIZE') {
    return {
      type: 'unread',
      line,
      lastLine,
      column,
      message: `${place}: the row starting here runs past ${megabytes(where.maxRecordBytes)}, the most one row may hold (a double quote in it is probably never closed), so ${lines} (${rowsBefore}).`,
    };
  }
  return { type: 'unread', line, lastLine, column, message: `${place}: the file is not valid CSV from here (${thrown.message}), so ${lines} (${rowsBefore}).` };
}

/** One human sentence for whatever stopped a disposition file from being read. */
export function readFailure(thrown: unknown, path: string): ConsoleError {
  if (thrown instanceof ConsoleFailure) return thrown.error;
  if (isCsvParseError(thrown))
    return consoleError('validation', `The file ${path} is not valid CSV: ${thrown.message}`, {
      target: path,
      details: [{ code: thrown.code, message: thrown.message }],
    });
  if (isNodeError(thrown)) {
    if (thrown.name === 'AbortError' || thrown.code === 'ABORT_ERR') return consoleError('cancelled', 'Reading the file was cancelled.', { target: path });
    if (thrown.code === 'ENOENT') return consoleError('not_found', `The file ${path} does not exist.`, { target: path });
    if (thrown.code === 'EACCES' || thrown.code === 'EPERM')
      return consoleError('permission', `The file ${path} cannot be opened: permission denied.`, { target: path });
    if (thrown.code === 'EISDIR') return consoleError('validation', `${path} is a folder, not a file.`, { target: path });
  }
  return { ...toConsoleError(thrown), target: path };
}
