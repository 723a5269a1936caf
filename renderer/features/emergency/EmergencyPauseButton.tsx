import { useEffect } from 'react';
import { useEmergencyStore } from './emergency-store';

/** One click, no confirmation: pauses every running campaign of the tenant. Ctrl+Shift+E anywhere. */
export function EmergencyPauseButton() {
  const start = useEmergencyStore((s) => s.start);
  const pauseAll = useEmergencyStore((s) => s.pauseAll);
  const running = useEmergencyStore((s) => s.state?.running ?? false);
  const progress = useEmergencyStore((s) => s.progress);
  useEffect(() => start(), [start]);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey && event.shiftKey && event.key.toLowerCase() === 'e') {
        event.preventDefault();
        void pauseAll();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [pauseAll]);
  return (
    <button
      type="button"
      className="button button-emergency"
      onClick={() => void pauseAll()}
      disabled={running}
      title="Pause every running campaign now (Ctrl+Shift+E)"
      aria-keyshortcuts="Control+Shift+E"
    >
      {running && progress?.detail.action === 'pause' ? `Pausing ${progress.done}/${progress.total}…` : 'Emergency pause'}
    </button>
  );
}
