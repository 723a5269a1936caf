import { Transform, type TransformCallback } from 'node:stream';

/**
 * CRLF and lone CR become LF before parsing, so files with mixed line endings
 * parse alike and every physical line counts exactly once (csv-parse would
 * otherwise fix one record delimiter from the first line it sees).
 */
export function lineEndingNormaliser(): Transform {
  let pendingCr = false;
  return new Transform({
    readableObjectMode: false,
    decodeStrings: false,
    encoding: 'utf8',
    transform(chunk: string | Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      let text = (pendingCr ? '\r' : '') + chunk.toString();
      // A CR at the end of a chunk may be the first half of a CRLF split across chunks.
      pendingCr = text.endsWith('\r');
      if (pendingCr) text = text.slice(0, -1);
      done(null, text.replace(/\r\n?/g, '\n'));
    },
    flush(done: TransformCallback) {
      done(null, pendingCr ? '\n' : '');
    },
  });
}
