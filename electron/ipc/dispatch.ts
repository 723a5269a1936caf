import * as z from 'zod';
import { consoleError, toConsoleError } from '../../shared/errors';
import { requestChannelNames, type RequestChannelName } from '../../shared/ipc/channel-names';
import { requestChannels } from '../../shared/ipc/contract';
import type { ReplyEnvelope } from '../../shared/ipc/envelope';
import { knownSecrets } from '../security/known-secrets';
import type { RequestHandlers } from './handlers';

const knownChannels: ReadonlySet<string> = new Set(requestChannelNames);

export function isRequestChannel(name: string): name is RequestChannelName {
  return knownChannels.has(name);
}

/**
 * Validates a request from a transport against the contract, runs the handler and
 * wraps the answer. Never throws: every failure becomes a typed error envelope.
 * No reply carries a secret value the process knows, whatever a tenant echoed into it.
 */
export async function dispatchRequest(handlers: RequestHandlers, channel: string, payload: unknown): Promise<ReplyEnvelope> {
  return knownSecrets.redact(await dispatchUnredacted(handlers, channel, payload));
}

async function dispatchUnredacted(handlers: RequestHandlers, channel: string, payload: unknown): Promise<ReplyEnvelope> {
  if (!isRequestChannel(channel)) {
    return { ok: false, error: consoleError('validation', `Unknown request channel "${channel}".`) };
  }
  const spec = requestChannels[channel];
  const parsed = spec.request.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: consoleError('validation', `The request to ${channel} is invalid.`, {
        details: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      }),
    };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    const value = await handler(parsed.data);
    const checked = spec.response.safeParse(value);
    if (!checked.success) {
      return {
        ok: false,
        error: consoleError('internal', `The console produced an invalid answer for ${channel}.`, {
          details: checked.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
        }),
      };
    }
    return { ok: true, value: checked.data };
  } catch (thrown) {
    return { ok: false, error: toConsoleError(thrown) };
  }
}

export const bridgeRequestMessageSchema = z.object({
  id: z.number().int(),
  channel: z.string(),
  payload: z.unknown(),
});
