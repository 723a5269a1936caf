// The worker thread of a counting scan (tally-worker-client.ts): hashes and tallies the rows the scan's thread reads.
import { parentPort } from 'node:worker_threads';
import { createCountingTally, type CountingTally } from './counting-tally';
import type { FromTallyWorker, ToTallyWorker } from './tally-worker-protocol';

const port = parentPort;
if (!port) throw new Error('tally-worker runs only as a worker thread');
const send = (message: FromTallyWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

let tally: CountingTally | null = null;

port.on('message', (message: ToTallyWorker) => {
  try {
    handle(message);
  } catch (thrown) {
    send({ type: 'failed', message: thrown instanceof Error ? thrown.message : String(thrown) });
  }
});

function handle(message: ToTallyWorker) {
  if (message.type === 'start') {
    tally = createCountingTally(message);
    return;
  }
  if (tally === null) throw new Error(`A ${message.type} message came before the start.`);
  if (message.type === 'plain') {
    const { units, count, stride, ints, epochs } = message;
    for (let row = 0; row < count; row += 1) {
      const base = row * stride;
      tally.addPlain(units, ints, base, ints[base + stride - 1] as number, epochs[row] as number);
    }
    // Nothing may still read the buffers once they go back.
    tally.flush();
    const buffers = [units.buffer, ints.buffer, epochs.buffer];
    send({ type: 'taken', buffers }, buffers);
    return;
  } else if (message.type === 'built') {
    const { campaignIds, contactIds, ints, epochs } = message;
    for (let row = 0; row < campaignIds.length; row += 1)
      tally.observe(
        campaignIds[row] as string,
        contactIds[row] as string,
        ints[3 * row] as number,
        epochs[row] as number,
        ints[3 * row + 1] as number,
        ints[3 * row + 2] as number,
      );
  } else {
    void tally.counts().then((counts) => send({ type: 'counts', ...counts }));
    return;
  }
  send({ type: 'taken' });
}
