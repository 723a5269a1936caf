import * as z from 'zod';
import { consoleErrorSchema, type ConsoleError } from '../errors';

/** What every request answers across any transport (Electron IPC or the browser bridge). */
export type ReplyEnvelope = { ok: true; value: unknown } | { ok: false; error: ConsoleError };
export const replyEnvelopeSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: consoleErrorSchema }),
]);
