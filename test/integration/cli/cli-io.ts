import type { CliIo } from '../../../electron/host/cli/io';

/** An in-process terminal: captured output, a given environment, and a Ctrl+C the test presses. */
export function capturedIo(env: Record<string, string | undefined> = {}, options: { stderrIsTty?: boolean } = {}) {
  let out = '';
  let err = '';
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    stop = resolve;
  });
  const listeners = new Set<() => void>();
  const errorListeners = new Set<() => void>();
  const io: CliIo = {
    stdout: (text) => {
      out += text;
      for (const listener of listeners) listener();
    },
    stderr: (text) => {
      err += text;
      for (const listener of errorListeners) listener();
    },
    env,
    stderrIsTty: options.stderrIsTty === true,
    untilStopped: () => stopped,
  };
  return {
    io,
    stdout: () => out,
    stderr: () => err,
    pressCtrlC: () => stop(),
    /** Resolves once stdout contains `text`. */
    waitForOutput: (text: string) =>
      new Promise<void>((resolve) => {
        if (out.includes(text)) return resolve();
        const check = () => {
          if (out.includes(text)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
      }),
    /** Resolves once stderr contains `text`. */
    waitForError: (text: string) =>
      new Promise<void>((resolve) => {
        if (err.includes(text)) return resolve();
        const check = () => {
          if (err.includes(text)) {
            errorListeners.delete(check);
            resolve();
          }
        };
        errorListeners.add(check);
      }),
  };
}
