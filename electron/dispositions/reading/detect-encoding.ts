import { open } from 'node:fs/promises';

/** The encodings a disposition file is read in; names as iconv-lite knows them. */
export const fileEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type FileEncoding = (typeof fileEncodings)[number];

export interface DetectedEncoding {
  encoding: FileEncoding;
  /** The file starts with a byte-order mark (it is skipped when decoding). */
  bom: boolean;
}

const sampleBytes = 64 * 1024;

/**
 * BOM first; otherwise UTF-8 when the sample is valid UTF-8, else Windows-1252.
 * chardet is deliberately not asked: on short Latin samples it splits its vote
 * between ISO-8859-1/-2/-9 and windows-1257 (a "Café, Müller" line scores 46/33/20/20),
 * while files that are not UTF-8 here are in practice Excel or CRM exports from
 * Western Windows, i.e. Windows-1252, a superset of ISO-8859-1's printable characters.
 */
export function detectEncoding(sample: Uint8Array): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  return { encoding: isUtf8(sample) ? 'utf-8' : 'windows-1252', bom: false };
}

function isUtf8(sample: Uint8Array): boolean {
  try {
    // stream: true tolerates a character cut in half at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

export async function detectFileEncoding(path: string): Promise<DetectedEncoding> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(sampleBytes);
    const { bytesRead } = await handle.read(buffer, 0, sampleBytes, 0);
    return detectEncoding(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
