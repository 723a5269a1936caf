/**
 * Spreadsheet programs run a cell that starts with = + - @ (or a tab/CR) as a formula, and
 * campaign names, reasons, ids and file contents come from people. Every CSV the console
 * writes passes its text cells through here: such cells get a leading apostrophe (the OWASP
 * advice); numbers are written as numbers and left alone.
 */
export function spreadsheetSafeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
