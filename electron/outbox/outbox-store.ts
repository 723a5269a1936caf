import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/durable-files';
import { outboxMessageSchema, type OutboxMessage } from './outbox-message';

/**
 * One file per message, `<dir>/messages/<id>.json`, replaced atomically (temporary file,
 * fsync, rename, fsync of the folder) at each state change. A message is durable once
 * `save` resolves; a crash leaves either the old or the new state, never a torn one.
 */
export function createOutboxStore(dir: string) {
  const folder = join(dir, 'messages');
  const pathOf = (id: string) => join(folder, `${id}.json`);

  return {
    async loadAll(): Promise<{ messages: OutboxMessage[]; quarantined: string[] }> {
      await mkdir(folder, { recursive: true });
      const messages: OutboxMessage[] = [];
      const quarantined: string[] = [];
      for (const name of await readdir(folder)) {
        const path = join(folder, name);
        if (name.endsWith('.tmp')) {
          await rm(path, { force: true });
          continue;
        }
        if (!name.endsWith('.json')) continue;
        try {
          messages.push(outboxMessageSchema.parse(JSON.parse(await readFile(path, 'utf8'))));
        } catch {
          // Kept aside rather than deleted so a person can still see what it was.
          await rename(path, `${path}.corrupt`);
          quarantined.push(name);
        }
      }
      return { messages, quarantined };
    },
    save(message: OutboxMessage): Promise<void> {
      return writeFileAtomic(pathOf(message.id), `${JSON.stringify(message)}\n`);
    },
    async remove(id: string): Promise<void> {
      await rm(pathOf(id), { force: true });
    },
  };
}
export type OutboxStore = ReturnType<typeof createOutboxStore>;
