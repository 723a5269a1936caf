import { mkdirSync, watch, type FSWatcher } from 'node:fs';
import { throttled } from '../../shared/base/event';

/**
 * Calls `onChange` at most once per `debounceMs` while `dir` changes (another process
 * writing the files this one also keeps): a long burst is followed as it goes, not only
 * once it ends. Returns the way to stop. A folder that cannot be watched
 * only loses the live updates: what the folder holds is still read on demand.
 */
export function watchFolder(dir: string, onChange: () => void, debounceMs = 300): () => void {
  // Not leading: the first event of a burst is usually a write still in progress.
  const gate = throttled<void>(() => onChange(), debounceMs, { leading: false });
  let watcher: FSWatcher | null = null;
  try {
    mkdirSync(dir, { recursive: true });
    watcher = watch(dir, () => gate.push());
    watcher.on('error', () => watcher?.close());
  } catch {
    watcher = null;
  }
  return () => {
    gate.cancel();
    watcher?.close();
  };
}
