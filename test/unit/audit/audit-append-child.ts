// A second process writing the same audit folder: bundled and run by audit-cross-process.test.ts.
// argv: <dir> <count> <maxFileBytes>. Prints "ready" once its writer is open, waits for "go" on
// stdin, appends `count` entries a few at a time, prints "done" and exits.
import { createInterface } from 'node:readline';
import { createAuditLog } from '../../../electron/audit/audit-log';
import { pauseOf } from './audit-fixtures';

async function main() {
  const [dir = '', countText = '0', maxText = ''] = process.argv.slice(2);
  const log = await createAuditLog({ dir, maxFileBytes: Number(maxText) || undefined });
  process.stdout.write('ready\n');
  for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
  const count = Number(countText);
  for (let index = 0; index < count; index += 4) {
    const burst = Array.from({ length: Math.min(4, count - index) }, (_, offset) =>
      log.append(pauseOf(`child-${index + offset}`, { actor: { type: 'import', name: 'child' } })),
    );
    await Promise.all(burst);
  }
  await log.close();
  process.stdout.write('done\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
