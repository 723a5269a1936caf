import * as z from 'zod';

/**
 * Errors cross module boundaries (tenant client → services → IPC → screens/CLI)
 * as plain values of this shape, so each edge can render one human sentence.
 */
export const errorKinds = [
  'authentication',
  'permission',
  'not_found',
  'conflict',
  'validation',
  'rate_limited',
  'server',
  'network',
  'timeout',
  'cancelled',
  'invalid_response',
  'configuration',
  /** The tenant's kind has no such capability (the Admin API has no webhooks); the screen says so. */
  'not_available',
  'internal',
] as const;
export type ErrorKind = (typeof errorKinds)[number];

export const errorDetailSchema = z.object({
  code: z.string().optional(),
  message: z.string(),
  path: z.string().optional(),
});
export type ErrorDetail = z.infer<typeof errorDetailSchema>;

export const consoleErrorSchema = z.object({
  kind: z.enum(errorKinds),
  /** One human sentence: what happened and, where known, what to do. */
  message: z.string(),
  /** Tenant error code, e.g. INVALID_TRANSITION, STALE_VERSION, CONTACT_BUSY. */
  code: z.string().optional(),
  status: z.number().int().optional(),
  details: z.array(errorDetailSchema).optional(),
  /** What the failing operation was about: `PATCH /api/v2/outbound/campaigns/c-12`, a row, a setting. */
  target: z.string().optional(),
  retryAfterSeconds: z.number().optional(),
});
export type ConsoleError = z.infer<typeof consoleErrorSchema>;

export type Result<T, E = ConsoleError> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });
export const fail = <E = ConsoleError>(error: E): Result<never, E> => ({ ok: false, error });

/** Carries a ConsoleError through code that throws (ky hooks, async iterators). */
export class ConsoleFailure extends Error {
  readonly error: ConsoleError;
  constructor(error: ConsoleError) {
    super(error.message);
    this.name = 'ConsoleFailure';
    this.error = error;
  }
}

export function consoleError(kind: ErrorKind, message: string, extra: Partial<ConsoleError> = {}): ConsoleError {
  return { kind, message, ...extra };
}

/** Turns anything thrown into a ConsoleError without losing a typed one. */
export function toConsoleError(thrown: unknown): ConsoleError {
  if (thrown instanceof ConsoleFailure) return thrown.error;
  const parsed = consoleErrorSchema.safeParse(thrown);
  if (parsed.success) return parsed.data;
  if (thrown instanceof Error && thrown.name === 'AbortError') {
    return consoleError('cancelled', 'The operation was cancelled.');
  }
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return consoleError('internal', `Unexpected error: ${text}`);
}

/** The one-line rendering used by toasts and the CLI's stderr. */
export function describeError(error: ConsoleError): string {
  const details = (error.details ?? []).map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).filter((d) => !error.message.includes(d));
  const target = error.target && !error.message.includes(error.target) ? ` (${error.target})` : '';
  return details.length > 0 ? `${error.message}${target} — ${details.join('; ')}` : `${error.message}${target}`;
}
