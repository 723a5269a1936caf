import { consoleSettingsSchema, type ConsoleSettings } from '../../shared/ipc/channels/settings';
import type { KeyValueStore } from './key-value-store';

const settingsKey = 'consoleSettings';

export interface SettingsService {
  get(): ConsoleSettings;
  update(change: Partial<ConsoleSettings>): ConsoleSettings;
  onChange(listener: (settings: ConsoleSettings) => void): () => void;
}

/** The one settings store of the app: defaults filled in, every write validated. */
export function createSettingsService(store: KeyValueStore): SettingsService {
  const listeners = new Set<(settings: ConsoleSettings) => void>();
  const read = (): ConsoleSettings => {
    const parsed = consoleSettingsSchema.safeParse(store.get(settingsKey) ?? {});
    return parsed.success ? parsed.data : consoleSettingsSchema.parse({});
  };
  return {
    get: read,
    update(change) {
      const next = consoleSettingsSchema.parse({ ...read(), ...change });
      store.set(settingsKey, next);
      for (const listener of listeners) listener(next);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
