import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { KeyValueStore } from './key-value-store';

const fileSchema = z.record(z.string(), z.unknown());

/** Headless settings store: one JSON object per file, replaced atomically on every write. */
export function createJsonFileStore(path: string): KeyValueStore {
  let data: Record<string, unknown> = {};
  try {
    const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (!parsed.success) {
      throw new ConsoleFailure(consoleError('configuration', `The settings file ${path} is not a JSON object; fix or delete it.`));
    }
    data = parsed.data;
  } catch (thrown) {
    if (thrown instanceof ConsoleFailure) throw thrown;
    if ((thrown as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new ConsoleFailure(consoleError('configuration', `The settings file ${path} cannot be read (${(thrown as Error).message}); fix or delete it.`));
    }
  }
  const persist = () => {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data, null, 2), { mode: 0o600 });
    renameSync(temporary, path);
  };
  return {
    get: (key) => data[key],
    set(key, value) {
      data = { ...data, [key]: value };
      persist();
    },
    delete(key) {
      const { [key]: _removed, ...rest } = data;
      data = rest;
      persist();
    },
  };
}
