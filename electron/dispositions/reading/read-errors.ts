import { consoleError, ConsoleFailure, toConsoleError, type ConsoleError } from '../../../shared/errors';

interface CsvParseError {
  code: string;
  message: string;
  lines?: number;
}

const isCsvParseError = (thrown: unknown): thrown is CsvParseError => {
  const code: unknown = thrown instanceof Error ? (thrown as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('CSV_');
};

const isNodeError = (thrown: unknown): thrown is NodeJS.ErrnoException => thrown instanceof Error && 'code' in thrown;

/** One human sentence for whatever stopped a disposition file from being read. */
export function readFailure(thrown: unknown, path: string): ConsoleError {
  if (thrown instanceof ConsoleFailure) return thrown.error;
  if (isCsvParseError(thrown)) {
    const where = thrown.lines === undefined ? '' : ` near line ${thrown.lines}`;
    if (thrown.code === 'CSV_QUOTE_NOT_CLOSED' || thrown.code === 'CSV_MAX_RECORD_SIZE') {
      return consoleError('validation', `The file cannot be read past a double quote that is never closed${where}; close the quoted value or remove the quote.`, {
        target: path,
        details: [{ code: thrown.code, message: thrown.message }],
      });
    }
    return consoleError('validation', `The file is not valid CSV${where}.`, { target: path, details: [{ code: thrown.code, message: thrown.message }] });
  }
  if (isNodeError(thrown)) {
    if (thrown.name === 'AbortError' || thrown.code === 'ABORT_ERR') return consoleError('cancelled', 'Reading the file was cancelled.', { target: path });
    if (thrown.code === 'ENOENT') return consoleError('not_found', `The file ${path} does not exist.`, { target: path });
    if (thrown.code === 'EACCES' || thrown.code === 'EPERM') return consoleError('permission', `The file ${path} cannot be opened: permission denied.`, { target: path });
    if (thrown.code === 'EISDIR') return consoleError('validation', `${path} is a folder, not a file.`, { target: path });
  }
  return { ...toConsoleError(thrown), target: path };
}
