import { useEffect } from 'react';
import { EmergencyPanel } from '../features/emergency/EmergencyPanel';
import { useAppStore } from './app-store';
import { screens } from './screens';
import { Sidebar } from './Sidebar';
import { TopBar } from './TopBar';
import { useGlobalShortcuts } from './use-global-shortcuts';

export function App() {
  const screenId = useAppStore((state) => state.screen);
  const start = useAppStore((state) => state.start);
  useEffect(() => start(), [start]);
  useGlobalShortcuts();
  const Screen = screens.find((screen) => screen.id === screenId)?.component ?? screens[0].component;
  return (
    <div className="shell">
      <TopBar />
      <Sidebar />
      <main className="content" id="main-content" tabIndex={-1}>
        <EmergencyPanel />
        <Screen />
      </main>
    </div>
  );
}
