import { uploadChunkMaxChars } from '../../../shared/ipc/channels/dispositions';
import type { ConsoleApi } from '../../api';

/** Raw bytes per chunk; base64 makes 4 characters of every 3 bytes. */
const chunkBytes = Math.floor((uploadChunkMaxChars / 4) * 3);

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Sends a file picked in an <input type="file"> to main in chunks (browser mode has
 * no native dialog and main cannot read the user's disk path from the browser).
 * Main then streams it from its own copy exactly as it would a typed-in path.
 */
export async function uploadFile(api: ConsoleApi, file: File, onProgress: (sentBytes: number) => void, signal?: AbortSignal): Promise<string> {
  const { uploadId } = await api.call('dispositions:uploadBegin', { fileName: file.name, sizeBytes: file.size });
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    if (signal?.aborted) throw new DOMException('Upload cancelled', 'AbortError');
    const bytes = new Uint8Array(await file.slice(offset, offset + chunkBytes).arrayBuffer());
    await api.call('dispositions:uploadChunk', { uploadId, offset, base64: toBase64(bytes) });
    onProgress(Math.min(file.size, offset + bytes.length));
  }
  return uploadId;
}
