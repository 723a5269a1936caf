import { describe, expect, it } from 'vitest';
import { inspectBytes } from '../../../electron/dispositions/reading/inspect-file';

/** The census's rules, byte by byte: CRLF, LF and a lone CR each end a line; the first NUL's line and column. */
function reference(bytes: Uint8Array): { lineCount: number; binaryAt: { line: number; column: number } | null } {
  let line = 1;
  let lineStart = 0;
  let binaryAt: { line: number; column: number } | null = null;
  bytes.forEach((byte, at) => {
    if (byte === 0x0a) {
      if (at === 0 || bytes[at - 1] !== 0x0d) line += 1;
      lineStart = at + 1;
    } else if (byte === 0x0d) {
      line += 1;
      lineStart = at + 1;
    } else if (byte === 0 && binaryAt === null) binaryAt = { line, column: at - lineStart + 1 };
  });
  return { lineCount: line - (lineStart < bytes.length ? 0 : 1), binaryAt };
}

describe('inspectBytes counts lines and finds the first NUL as the byte-by-byte rules do', () => {
  it('agrees on 5,000 generated texts cut into random chunks, ASCII and not', () => {
    let seed = 21;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', '\0', ',', 'é', '"'];
    for (let round = 0; round < 5_000; round += 1) {
      let text = '';
      const length = Math.floor(next() * 30);
      for (let i = 0; i < length; i += 1) text += pieces[Math.floor(next() * (round % 2 === 0 ? 7 : pieces.length))];
      const bytes = Buffer.from(text, 'utf8');
      const cuts = Array.from({ length: Math.floor(next() * 4) }, () => Math.floor(next() * (bytes.length + 1))).sort((a, b) => a - b);
      const chunks: Buffer[] = [];
      let from = 0;
      for (const cut of [...cuts, bytes.length]) {
        chunks.push(bytes.subarray(from, cut));
        from = cut;
      }
      const census = inspectBytes(chunks);
      expect({ lineCount: census.lineCount, binaryAt: census.binaryAt }, JSON.stringify({ text, cuts })).toEqual(reference(bytes));
      expect(census.totalBytes).toBe(bytes.length);
    }
  });
});
