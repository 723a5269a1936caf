import { mkdirSync, watch, type FSWatcher } from 'node:fs';

/**
 * Calls `onChange` once a burst of changes in `dir` has settled (another process writing
 * the files this one also keeps). Returns the way to stop. A folder that cannot be watched
 * only loses the live updates: what the folder holds is still read on demand.
 */
export function watchFolder(dir: string, onChange: () => void, debounceMs = 300): () => void {
  let timer: NodeJS.Timeout | null = null;
  let watcher: FSWatcher | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    watcher = watch(dir, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = null;
  }
  return () => {
    if (timer) clearTimeout(timer);
    watcher?.close();
  };
}
