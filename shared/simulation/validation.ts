import type { z } from 'zod';
import { consoleError, fail, ok, type ConsoleError, type Result } from '../errors';

/** One issue per field path, as the `details` of a validation ConsoleError. */
function validationErrorOf(what: string, error: z.ZodError): ConsoleError {
  const details = error.issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
  const first = details[0];
  const summary = first ? `${first.path ? `${first.path}: ` : ''}${first.message}` : 'invalid input';
  return consoleError('validation', `The ${what} need attention: ${summary}.`, { details, target: what });
}

/** Parses with a schema and returns a typed Result rather than throwing. */
export function parseInputs<T>(schema: z.ZodType<T>, what: string, input: unknown): Result<T> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(validationErrorOf(what, parsed.error));
}

/** A validation error about one field, for checks that are not a whole schema. */
export function fieldError(what: string, path: string, message: string): ConsoleError {
  return consoleError('validation', `The ${what} need attention: ${path}: ${message}.`, {
    details: [{ code: 'custom', path, message }],
    target: what,
  });
}
