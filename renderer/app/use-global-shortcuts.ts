import { useEffect } from 'react';
import { useAppStore } from './app-store';
import { screens } from './screens';

/** Alt+1…7 switch screens from anywhere. */
export function useGlobalShortcuts(): void {
  const navigate = useAppStore((state) => state.navigate);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number.parseInt(event.key, 10) - 1;
      const screen = screens[index];
      if (screen) {
        event.preventDefault();
        navigate(screen.id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);
}
