import { Transform, type TransformCallback } from 'node:stream';

/** Passes bytes through untouched, telling `onBytes` about each chunk as it is read. */
export function byteMeter(onBytes: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) {
      onBytes(chunk);
      done(null, chunk);
    },
  });
}
