/**
 * Persistent non-secret settings. Electron uses electron-store; headless hosts and
 * tests use a JSON file. Callers validate what they read with their own zod schema.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  delete(key: string): void;
}
