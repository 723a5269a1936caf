import { EmergencyPauseButton } from '../features/emergency/EmergencyPauseButton';
import { ConnectionIndicator } from './ConnectionIndicator';
import { useAppStore } from './app-store';

export function TopBar() {
  const tenant = useAppStore((state) => state.tenant);
  return (
    <header className="topbar">
      <div className="brand">CXone Outbound Console</div>
      <div className="tenant" aria-label="Connected tenant">
        <span className="tenant-label">{tenant?.label ?? 'No tenant'}</span>
        {tenant?.isDemo ? <span className="badge badge-info">Simulated: no real calls</span> : null}
        <ConnectionIndicator />
      </div>
      <div className="topbar-actions">
        <EmergencyPauseButton />
      </div>
    </header>
  );
}
