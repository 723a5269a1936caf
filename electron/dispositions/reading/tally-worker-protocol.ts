import type { CountingTallyStart, DuplicateCounts } from './counting-tally';

/**
 * Plain rows read from one text, given as its UTF-16 code units (the buffer may be longer): row i's values' bounds are
 * ints[i × stride, i × stride + stride − 1) and its line ints[i × stride + stride − 1]; its instant epochs[i].
 */
export interface PlainRowShipment {
  type: 'plain';
  units: Uint16Array<ArrayBuffer>;
  count: number;
  stride: number;
  ints: Int32Array<ArrayBuffer>;
  epochs: Float64Array<ArrayBuffer>;
}

/** Valid rows the full check built: row i is campaignIds[i], contactIds[i], its line ints[2i]… as observe() takes them. */
export interface BuiltRowShipment {
  type: 'built';
  campaignIds: string[];
  contactIds: string[];
  /** line, hash hi, hash lo per row. */
  ints: Int32Array<ArrayBuffer>;
  epochs: Float64Array<ArrayBuffer>;
}

export type ToTallyWorker = ({ type: 'start' } & CountingTallyStart) | PlainRowShipment | BuiltRowShipment | { type: 'finish' };

export type FromTallyWorker =
  /** One more shipment is tallied (for back-pressure); a plain one's buffers come back for reuse. */
  { type: 'taken'; buffers?: ArrayBuffer[] } | ({ type: 'counts' } & DuplicateCounts) | { type: 'failed'; message: string };
