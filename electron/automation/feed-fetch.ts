import ky, { HTTPError, TimeoutError } from 'ky';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import { urlSettingProblem } from '../../shared/url-setting';

export interface FeedFetchOptions {
  /** Names the setting in messages ("Alerts feed URL"). */
  setting: string;
  timeoutMs?: number;
  /** The largest answer read; a bigger one is refused rather than held in memory. */
  maxBytes?: number;
  fetch?: typeof globalThis.fetch;
}

async function readCapped(response: Response, maxBytes: number, url: string): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '');
  const tooLarge = () =>
    new ConsoleFailure(
      consoleError('invalid_response', `The feed at ${url} answered more than ${Math.round(maxBytes / 1024)} KB; it was not read.`, { target: url }),
    );
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Reads an external JSON document for a rule (the alerts feed): the URL must pass the URL setting
 * rules (https:, or http: on this computer), the answer must come within the timeout and fit the
 * size cap; every failure is a ConsoleFailure that names the URL.
 */
export function createFeedFetch(options: FeedFetchOptions): (url: string, signal: AbortSignal) => Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
  return async (url, signal) => {
    const problem = urlSettingProblem(options.setting, url);
    if (problem) throw new ConsoleFailure(consoleError('configuration', problem, { target: options.setting }));
    let response: Response;
    try {
      response = await ky.get(url, {
        timeout: timeoutMs,
        retry: 0,
        signal,
        headers: { accept: 'application/geo+json, application/json', 'user-agent': 'cxone-outbound-console (automation)' },
        ...(options.fetch ? { fetch: options.fetch } : {}),
      });
    } catch (error) {
      if (signal.aborted) throw new ConsoleFailure(consoleError('cancelled', `Reading ${url} was cancelled.`, { target: url }));
      if (error instanceof TimeoutError)
        throw new ConsoleFailure(consoleError('timeout', `The feed at ${url} did not answer within ${timeoutMs / 1000} s.`, { target: url }));
      if (error instanceof HTTPError) {
        const status = error.response.status;
        throw new ConsoleFailure(
          consoleError(status >= 500 ? 'server' : 'invalid_response', `The feed at ${url} answered HTTP ${status}.`, { status, target: url }),
        );
      }
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new ConsoleFailure(
        consoleError('network', `Could not reach the feed at ${url} (${error instanceof Error ? error.message : String(error)}${cause}).`, { target: url }),
      );
    }
    const text = await readCapped(response, maxBytes, url);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new ConsoleFailure(consoleError('invalid_response', `The feed at ${url} did not answer JSON (it began "${text.slice(0, 40)}").`, { target: url }));
    }
  };
}
