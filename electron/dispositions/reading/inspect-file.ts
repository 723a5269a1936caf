import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readChunks } from './read-chunks';

/** The encodings a disposition file is read in; names as iconv-lite knows them. */
export const fileEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type FileEncoding = (typeof fileEncodings)[number];

/** A byte position a person can find in an editor: 1-based line and column (in bytes for non-text data). */
export interface FilePosition {
  line: number;
  column: number;
}

/** What one read of all of a file's bytes found, before any of it is parsed. */
export interface FileInspection {
  totalBytes: number;
  sha256: string;
  encoding: FileEncoding;
  /** The file starts with a byte-order mark (it is skipped when decoding). */
  bom: boolean;
  /** Physical lines holding bytes the encoding does not define: not UTF-8 in a file that otherwise is, or one of Windows-1252's five holes. */
  undecodableLines: ReadonlySet<number>;
  /** The first NUL byte: text files never have one, spreadsheets and archives always do. */
  binaryAt: FilePosition | null;
  /** Physical lines (CRLF, LF and a lone CR each end one); a last line without a line break counts. */
  lineCount: number;
}

const maxUndecodableLines = 10_000;
/** Bytes Windows-1252 leaves undefined; decoded they would arrive as U+FFFD. */
const isWindows1252Hole = (byte: number) => byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90 || byte === 0x9d;

/**
 * Walks every byte once: sha256, UTF-8 validity (with line numbers of the bad
 * bytes), NUL bytes and line count, so the encoding is decided on the whole file,
 * not on a sample. UTF-16 files (by their BOM) are only hashed.
 */
class ByteCensus {
  readonly hash = createHash('sha256');
  totalBytes = 0;
  private first: number[] = [];
  line = 1;
  private lineStart = 0;
  private previousCr = false;
  binaryAt: FilePosition | null = null;
  validMultibyte = 0;
  invalidSequences = 0;
  readonly undecodableLines = new Set<number>();
  private readonly windows1252Holes = new Set<number>();
  // UTF-8 decoder state (the WHATWG algorithm's bounds): continuation bytes still needed and their range.
  private needed = 0;
  private lower = 0x80;
  private upper = 0xbf;
  private sequenceLine = 1;

  add(chunk: Buffer): void {
    this.hash.update(chunk);
    if (this.first.length < 3) this.first.push(...chunk.subarray(0, 3 - this.first.length));
    const base = this.totalBytes;
    this.totalBytes += chunk.length;
    // Most chunks are all ASCII: no UTF-8 to follow, so only line breaks and NULs are looked for, natively.
    if (this.needed === 0 && isAscii(chunk)) {
      this.addAscii(chunk, base);
      return;
    }
    for (let at = 0; at < chunk.length; at += 1) {
      const byte = chunk[at] as number;
      if (this.needed > 0) {
        if (byte >= this.lower && byte <= this.upper) {
          this.lower = 0x80;
          this.upper = 0xbf;
          this.needed -= 1;
          if (this.needed === 0) this.validMultibyte += 1;
          continue;
        }
        this.invalid(this.sequenceLine);
        this.resetSequence();
        // The byte that broke the sequence starts afresh: it may be ASCII, a line break or a new lead byte.
      }
      if (byte >= 0x80) {
        if (isWindows1252Hole(byte) && this.windows1252Holes.size < maxUndecodableLines) this.windows1252Holes.add(this.line);
        this.startSequence(byte);
        continue;
      }
      if (byte === 0x0a) {
        if (!this.previousCr) this.line += 1;
        this.previousCr = false;
        this.lineStart = base + at + 1;
        continue;
      }
      this.previousCr = byte === 0x0d;
      if (byte === 0x0d) {
        this.line += 1;
        this.lineStart = base + at + 1;
      } else if (byte === 0 && this.binaryAt === null) this.binaryAt = { line: this.line, column: base + at - this.lineStart + 1 };
    }
  }

  /** add() for a chunk of ASCII bytes, jumping from one line break to the next. */
  private addAscii(chunk: Buffer, base: number) {
    if (this.binaryAt === null) {
      const nul = chunk.indexOf(0);
      // Lines up to the NUL are counted first, so it gets its own line and column.
      if (nul !== -1) {
        this.addAsciiBreaks(chunk.subarray(0, nul), base);
        this.binaryAt = { line: this.line, column: base + nul - this.lineStart + 1 };
        this.previousCr = false;
        this.addAsciiBreaks(chunk.subarray(nul + 1), base + nul + 1);
        return;
      }
    }
    this.addAsciiBreaks(chunk, base);
  }

  private addAsciiBreaks(bytes: Buffer, base: number) {
    if (bytes.length === 0) return;
    let lf = bytes.indexOf(0x0a);
    let cr = bytes.indexOf(0x0d);
    // A CR that ended the previous chunk and an LF that starts this one are one line break.
    if (this.previousCr && lf === 0) {
      this.lineStart = base + 1;
      lf = bytes.indexOf(0x0a, 1);
    }
    while (lf !== -1 || cr !== -1) {
      if (cr === -1 || (lf !== -1 && lf < cr)) {
        this.line += 1;
        this.lineStart = base + lf + 1;
        lf = bytes.indexOf(0x0a, lf + 1);
        continue;
      }
      this.line += 1;
      if (lf === cr + 1) {
        this.lineStart = base + lf + 1;
        lf = bytes.indexOf(0x0a, lf + 1);
      } else this.lineStart = base + cr + 1;
      cr = bytes.indexOf(0x0d, cr + 1);
    }
    this.previousCr = bytes[bytes.length - 1] === 0x0d;
  }

  private startSequence(byte: number) {
    this.previousCr = false;
    this.sequenceLine = this.line;
    if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
    else if (byte >= 0xe0 && byte <= 0xef) {
      this.needed = 2;
      if (byte === 0xe0) this.lower = 0xa0;
      if (byte === 0xed) this.upper = 0x9f;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      this.needed = 3;
      if (byte === 0xf0) this.lower = 0x90;
      if (byte === 0xf4) this.upper = 0x8f;
    } else this.invalid(this.line);
  }

  finish(): FileInspection {
    if (this.needed > 0) this.invalid(this.sequenceLine);
    const [a, b, c] = this.first;
    const utf16 = a === 0xff && b === 0xfe ? 'utf-16le' : a === 0xfe && b === 0xff ? 'utf-16be' : null;
    const utf8Bom = a === 0xef && b === 0xbb && c === 0xbf;
    const base = { totalBytes: this.totalBytes, sha256: this.hash.digest('hex') };
    if (utf16) return { ...base, encoding: utf16, bom: true, undecodableLines: new Set(), binaryAt: null, lineCount: 0 };
    // Invalid bytes in a file that has none of UTF-8's multi-byte characters: a Western Windows export.
    // Invalid bytes beside valid multi-byte characters: a UTF-8 file with a few bad bytes, reported per line.
    const windows1252 = this.invalidSequences > 0 && this.validMultibyte === 0 && !utf8Bom;
    const lastLineOpen = this.lineStart < this.totalBytes;
    return {
      ...base,
      encoding: windows1252 ? 'windows-1252' : 'utf-8',
      bom: utf8Bom,
      undecodableLines: windows1252 ? this.windows1252Holes : this.undecodableLines,
      binaryAt: this.binaryAt,
      lineCount: this.line - (lastLineOpen ? 0 : 1),
    };
  }

  private invalid(line: number) {
    this.invalidSequences += 1;
    if (this.undecodableLines.size < maxUndecodableLines) this.undecodableLines.add(line);
  }

  private resetSequence() {
    this.needed = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}

export function inspectBytes(chunks: Iterable<Buffer>): FileInspection {
  const census = new ByteCensus();
  for (const chunk of chunks) census.add(chunk);
  return census.finish();
}

export async function inspectFile(path: string, signal?: AbortSignal): Promise<FileInspection> {
  const census = new ByteCensus();
  for await (const chunk of readChunks(path, 256 * 1024, signal)) census.add(chunk);
  return census.finish();
}
