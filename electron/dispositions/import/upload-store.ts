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
}

/**
 * Files picked in the browser arrive in ordered chunks and are written to a private
 * folder, so the reading engine streams them from disk like any other path.
 */
export function createUploadStore(dir: string) {
  const uploads = new Map<string, Upload>();
  const missing = (id: string) => new ConsoleFailure(consoleError('not_found', `Upload ${id} is unknown or already finished; pick the file again.`));
  return {
    async begin(fileName: string, sizeBytes: number): Promise<string> {
      await mkdir(dir, { recursive: true });
      const id = randomUUID();
      const safeName = basename(fileName).replace(/[^A-Za-z0-9._-]+/g, '_') || 'upload.csv';
      const path = join(dir, `${id}-${safeName}`);
      uploads.set(id, { path, fileName: basename(fileName), sizeBytes, received: 0, handle: await open(path, 'w') });
      return id;
    },
    async chunk(id: string, offset: number, base64: string): Promise<number> {
      const upload = uploads.get(id);
      if (!upload?.handle) throw missing(id);
      if (offset !== upload.received) {
        throw new ConsoleFailure(consoleError('validation', `Upload chunk at byte ${offset} arrived, byte ${upload.received} was expected; pick the file again.`));
      }
      const bytes = Buffer.from(base64, 'base64');
      if (upload.received + bytes.length > upload.sizeBytes) throw new ConsoleFailure(consoleError('validation', 'The upload is larger than announced.'));
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
        throw new ConsoleFailure(consoleError('validation', `Only ${upload.received} of ${upload.sizeBytes} bytes of ${upload.fileName} arrived; pick the file again.`));
      }
      return { path: upload.path, fileName: upload.fileName };
    },
    async discard(id: string): Promise<void> {
      const upload = uploads.get(id);
      if (!upload) return;
      uploads.delete(id);
      await upload.handle?.close().catch(() => undefined);
      await rm(upload.path, { force: true });
    },
    async discardAll(): Promise<void> {
      for (const upload of uploads.values()) {
        await upload.handle?.close().catch(() => undefined);
        await rm(upload.path, { force: true });
      }
      uploads.clear();
    },
  };
}
export type UploadStore = ReturnType<typeof createUploadStore>;
