import { describeError, toConsoleError, type ConsoleError } from '../../../shared/errors';
import { knownSecrets, redactText } from '../../security/known-secrets';

/** Where the command line reads its environment and writes its output; tests pass their own. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether stderr is a terminal, where progress lines are worth drawing. */
  stderrIsTty?: boolean;
  /** Resolves when a foreground command should stop (SIGINT/SIGTERM for the real process). */
  untilStopped(): Promise<void>;
}

export const exitCodes = {
  success: 0,
  someFailed: 1,
  usage: 2,
} as const;

export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    env: process.env,
    stderrIsTty: process.stderr.isTTY === true,
    untilStopped: () =>
      new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
  };
}

/** `--json`: exactly one JSON document on stdout. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value)}\n`);
}

export function writeLines(io: CliIo, lines: readonly string[]): void {
  if (lines.length > 0) io.stdout(`${lines.join('\n')}\n`);
}

/** One readable line on stderr; returns the exit code the error calls for. */
export function reportError(io: CliIo, thrown: unknown): number {
  const error: ConsoleError = toConsoleError(thrown);
  const environmentSecrets = [io.env.CXONE_CLIENT_SECRET, io.env.CXONE_CRM_WEBHOOK_SECRET, io.env.CXONE_WFM_WEBHOOK_SECRET].filter((value): value is string =>
    Boolean(value),
  );
  io.stderr(`cxone-console: ${redactText(describeError(error), [...environmentSecrets, ...knownSecrets.values()])}\n`);
  return error.kind === 'configuration' ? exitCodes.usage : exitCodes.someFailed;
}
