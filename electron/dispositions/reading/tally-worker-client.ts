import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CodeUnits } from '../../../shared/dispositions/code-units';
import { workerEntryUrl } from '../../base/worker-entry';
import type { CountingTally, CountingTallyStart, DuplicateCounts } from './counting-tally';
import type { BuiltRowShipment, FromTallyWorker, PlainRowShipment, ToTallyWorker } from './tally-worker-protocol';

/** Plain rows per shipment at most (a text of 48 KiB holds about 570 of the bench's rows; more go in a second shipment). */
const plainRowsPerShipment = 640;
/** Code units of a shipment's text: a decoded piece of the file (48 KiB) and the record carried over to it. */
const unitsPerShipment = 52 * 1024;
const builtRowsPerShipment = 1024;
/**
 * Shipments sent but not yet tallied before the reading waits: a few chunks of the file, so the
 * worker never runs dry and memory stays flat when it is the slower of the two.
 */
const maxShipmentsInFlight = 12;
/** A worker that takes this long to answer anything while the scan waits on it is hung, not slow (a shipment takes it milliseconds). */
const defaultStallMs = 10_000;

/** The worker thread failed or stopped: what it was told is lost, and the count must be taken again. */
export class TallyWorkerFailure extends Error {}

/** The bundled tally-worker.ts entry; null when it is not built (the sources run unbuilt). */
export function tallyWorkerUrl(): URL | null {
  const url = workerEntryUrl('tally-worker');
  return existsSync(fileURLToPath(url)) ? url : null;
}

/**
 * The counting tally in a worker thread of its own, so hashing and tallying rows take the second
 * core while this thread reads, decodes, splits and checks the file. Rows are shipped a text at
 * a time: the decoded text once, and per row only where its values lie in it.
 * A worker that fails, stops or hangs (no answer for `stallMs` while the scan waits on it) makes
 * ready() and counts() reject; the scan then counts again in its own thread.
 */
export function createWorkerTally(start: CountingTallyStart, workerUrl: URL, stallMs = defaultStallMs): CountingTally {
  const worker = new Worker(workerUrl);
  const stride = 3 * start.columns + 1;
  let failure: Error | null = null;
  let sent = 0;
  let taken = 0;
  let drained: { resolve(): void; reject(error: Error): void } | null = null;
  let answer: { resolve(counts: DuplicateCounts): void; reject(error: Error): void } | null = null;
  let closed = false;
  let stall: ReturnType<typeof setTimeout> | null = null;

  /** Armed while the scan waits on the worker, from its last message. */
  const watch = () => {
    if (stall !== null) clearTimeout(stall);
    stall = null;
    if (failure !== null || closed || (drained === null && answer === null)) return;
    stall = setTimeout(() => {
      fail(new TallyWorkerFailure(`The duplicate count's worker thread did not answer for ${stallMs / 1000} s.`));
      void worker.terminate();
    }, stallMs);
  };

  const post = (message: ToTallyWorker, transfer: ArrayBuffer[] = []) => worker.postMessage(message, transfer);
  const fail = (error: Error) => {
    if (failure !== null || closed) return;
    failure = error;
    drained?.reject(error);
    answer?.reject(error);
    drained = null;
    answer = null;
    watch();
  };
  worker.on('message', (message: FromTallyWorker) => {
    if (message.type === 'taken') {
      taken += 1;
      if (message.buffers) pool.give(message.buffers);
      if (drained !== null && sent - taken <= maxShipmentsInFlight / 2) {
        drained.resolve();
        drained = null;
      }
    } else if (message.type === 'counts') {
      const { winners, duplicates, superseded } = message;
      answer?.resolve({ winners, duplicates, superseded });
      answer = null;
    } else fail(new TallyWorkerFailure(`The duplicate count's worker thread failed: ${message.message}`));
    watch();
  });
  worker.on('error', (error) => fail(new TallyWorkerFailure(`The duplicate count's worker thread failed: ${error.message}`)));
  worker.on('exit', (code) => fail(new TallyWorkerFailure(`The duplicate count's worker thread stopped (exit code ${code}) before it answered.`)));
  post({ type: 'start', ...start });

  const pool = shipmentPool(stride);
  let plain = pool.take();
  let plainText: CodeUnits = '';
  let built = newBuiltShipment();
  let builtRows = 0;
  const shipPlain = () => {
    if (plain.count === 0) return;
    post(plain, [plain.units.buffer, plain.ints.buffer, plain.epochs.buffer]);
    sent += 1;
    plain = pool.take();
    plainText = '';
  };
  const shipBuilt = () => {
    if (builtRows === 0) return;
    post({ ...built, ints: built.ints.slice(0, 3 * builtRows), epochs: built.epochs.slice(0, builtRows) });
    sent += 1;
    built = newBuiltShipment();
    builtRows = 0;
  };

  return {
    inWorker: true,
    addPlain(text, at, base, line, epochMs) {
      if (failure !== null) return;
      if (plain.count > 0 && text !== plainText) shipPlain();
      if (plain.count === 0) {
        plainText = text;
        plain.units = pool.units(plain.units, text);
      }
      const offset = plain.count * stride;
      const ints = plain.ints;
      // Value by value: a subarray per row would cost more than the copy.
      for (let k = 0; k < stride - 1; k += 1) ints[offset + k] = at[base + k] as number;
      ints[offset + stride - 1] = line;
      plain.epochs[plain.count] = epochMs;
      plain.count += 1;
      if (plain.count === plainRowsPerShipment) shipPlain();
    },
    observe(campaignId, contactId, line, epochMs, hashHi, hashLo) {
      if (failure !== null) return;
      built.campaignIds.push(campaignId);
      built.contactIds.push(contactId);
      built.ints[3 * builtRows] = line;
      built.ints[3 * builtRows + 1] = hashHi;
      built.ints[3 * builtRows + 2] = hashLo;
      built.epochs[builtRows] = epochMs;
      builtRows += 1;
      if (builtRows === builtRowsPerShipment) shipBuilt();
    },
    flush() {
      shipPlain();
      shipBuilt();
    },
    ready() {
      if (failure !== null) return Promise.reject(failure);
      if (sent - taken <= maxShipmentsInFlight) return null;
      const waiting = new Promise<void>((resolve, reject) => (drained = { resolve, reject }));
      watch();
      return waiting;
    },
    counts() {
      if (failure !== null) return Promise.reject(failure);
      shipPlain();
      shipBuilt();
      post({ type: 'finish' });
      const waiting = new Promise<DuplicateCounts>((resolve, reject) => (answer = { resolve, reject }));
      watch();
      return waiting;
    },
    close() {
      if (closed) return;
      closed = true;
      watch();
      void worker.terminate();
    },
  };
}

/**
 * The buffers of plain row shipments, reused: the worker sends each shipment's buffers back once
 * it has tallied it, so a scan of any size allocates a few dozen of them and leaves no garbage
 * for a garbage collector that would not see it (their bytes live outside either heap).
 */
function shipmentPool(stride: number) {
  const free: PlainRowShipment[] = [];
  const fresh = (): PlainRowShipment => ({
    type: 'plain',
    units: new Uint16Array(unitsPerShipment),
    count: 0,
    stride,
    ints: new Int32Array(plainRowsPerShipment * stride),
    epochs: new Float64Array(plainRowsPerShipment),
  });
  return {
    take: (): PlainRowShipment => free.pop() ?? fresh(),
    /** A shipment's units holding `text`: its own buffer when the text fits, else one just for it. */
    units(units: Uint16Array<ArrayBuffer>, text: CodeUnits): Uint16Array<ArrayBuffer> {
      const target = text.length <= units.length ? units : new Uint16Array(text.length);
      if (typeof text === 'string') Buffer.from(target.buffer, 0, 2 * text.length).write(text, 'utf16le');
      else target.set(text);
      return target;
    },
    give([units, ints, epochs]: ArrayBuffer[]) {
      if (units === undefined || ints === undefined || epochs === undefined) return;
      // A buffer made for one long text is not kept.
      if (units.byteLength !== 2 * unitsPerShipment || ints.byteLength !== 4 * plainRowsPerShipment * stride) return;
      free.push({ type: 'plain', units: new Uint16Array(units), count: 0, stride, ints: new Int32Array(ints), epochs: new Float64Array(epochs) });
    },
  };
}

function newBuiltShipment(): Omit<BuiltRowShipment, 'ints' | 'epochs'> & { ints: Int32Array<ArrayBuffer>; epochs: Float64Array<ArrayBuffer> } {
  return { type: 'built', campaignIds: [], contactIds: [], ints: new Int32Array(3 * builtRowsPerShipment), epochs: new Float64Array(builtRowsPerShipment) };
}
