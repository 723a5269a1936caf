import { randomUUID } from 'node:crypto';
import { mkdir, open, rm, type FileHandle } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ConsoleFailure, consoleError } from '../../../shared/errors';

interface Upload {
  path: string;
  fileName: string;
  sizeBytes: number;
  received: number;
  handle: FileHandle | null;
  /** When a chunk last arrived (or the upload began). */
  activeAt: number;
}

export const defaultMaxUploadBytes = 2 * 1024 ** 3;
/** A handful: one file being picked, plus a retry or two after a cancelled one. */
export const maxUploadsInFlight = 4;
const defaultIdleTimeoutMs = 10 * 60_000;

export interface UploadStoreOptions {
  /** The `maxUploadBytes` setting. */
  maxBytes?: () => number;
  /** An upload with no chunk for this long is abandoned: closed and removed. */
  idleTimeoutMs?: number;
  now?: () => number;
}

const gigabytes = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(1)} GB`;

/**
 * Files picked in the browser arrive in ordered chunks and are written to a private
 * folder, so the reading engine streams them from disk like any other path. Bounded:
 * a size limit, a few in flight, and abandoned ones removed after an idle timeout.
 */
export function createUploadStore(dir: string, options: UploadStoreOptions = {}) {
  const uploads = new Map<string, Upload>();
  const now = options.now ?? Date.now;
  const idleTimeoutMs = options.idleTimeoutMs ?? defaultIdleTimeoutMs;
  const missing = (id: string) => new ConsoleFailure(consoleError('not_found', `Upload ${id} is unknown, finished or abandoned; pick the file again.`));
  const drop = async (id: string, upload: Upload) => {
    uploads.delete(id);
    await upload.handle?.close().catch(() => undefined);
    await rm(upload.path, { force: true });
  };
  /** Closes and removes uploads idle past the timeout; returns how many. */
  const sweep = async (): Promise<number> => {
    const stale = [...uploads.entries()].filter(([, upload]) => upload.handle !== null && now() - upload.activeAt > idleTimeoutMs);
    for (const [id, upload] of stale) await drop(id, upload);
    return stale.length;
  };
  const timer = setInterval(() => void sweep(), Math.max(1000, Math.min(idleTimeoutMs, 60_000)));
  timer.unref();
  return {
    sweep,
    async begin(fileName: string, sizeBytes: number): Promise<string> {
      const maxBytes = options.maxBytes?.() ?? defaultMaxUploadBytes;
      if (sizeBytes > maxBytes) {
        throw new ConsoleFailure(
          consoleError(
            'validation',
            `${basename(fileName)} is ${gigabytes(sizeBytes)}; the largest upload is ${gigabytes(maxBytes)} (the maxUploadBytes setting). Type the file's path instead, or split the file.`,
            { target: 'sizeBytes' },
          ),
        );
      }
      await sweep();
      const inFlight = [...uploads.values()].filter((upload) => upload.handle !== null).length;
      if (inFlight >= maxUploadsInFlight) {
        throw new ConsoleFailure(
          consoleError(
            'validation',
            `${inFlight} uploads are already in progress; let them finish (or wait ${Math.round(idleTimeoutMs / 60_000)} minutes for abandoned ones to be dropped), then pick the file again.`,
          ),
        );
      }
      await mkdir(dir, { recursive: true });
      const id = randomUUID();
      const safeName = basename(fileName).replace(/[^A-Za-z0-9._-]+/g, '_') || 'upload.csv';
      const path = join(dir, `${id}-${safeName}`);
      uploads.set(id, { path, fileName: basename(fileName), sizeBytes, received: 0, handle: await open(path, 'w'), activeAt: now() });
      return id;
    },
    async chunk(id: string, offset: number, base64: string): Promise<number> {
      const upload = uploads.get(id);
      if (!upload?.handle) throw missing(id);
      if (offset !== upload.received) {
        throw new ConsoleFailure(
          consoleError('validation', `Upload chunk at byte ${offset} arrived, byte ${upload.received} was expected; pick the file again.`),
        );
      }
      const bytes = Buffer.from(base64, 'base64');
      if (upload.received + bytes.length > upload.sizeBytes) throw new ConsoleFailure(consoleError('validation', 'The upload is larger than announced.'));
      upload.activeAt = now();
      await upload.handle.write(bytes);
      upload.received += bytes.length;
      return upload.received;
    },
    /** Closes the upload and hands over the file on disk. */
    async finish(id: string): Promise<{ path: string; fileName: string }> {
      const upload = uploads.get(id);
      if (!upload) throw missing(id);
      if (upload.handle) {
        await upload.handle.sync();
        await upload.handle.close();
        upload.handle = null;
      }
      if (upload.received !== upload.sizeBytes) {
        await drop(id, upload);
        throw new ConsoleFailure(
          consoleError('validation', `Only ${upload.received} of ${upload.sizeBytes} bytes of ${upload.fileName} arrived; pick the file again.`),
        );
      }
      return { path: upload.path, fileName: upload.fileName };
    },
    async discard(id: string): Promise<void> {
      const upload = uploads.get(id);
      if (upload) await drop(id, upload);
    },
    async discardAll(): Promise<void> {
      clearInterval(timer);
      for (const [id, upload] of [...uploads.entries()]) await drop(id, upload);
    },
  };
}
export type UploadStore = ReturnType<typeof createUploadStore>;
