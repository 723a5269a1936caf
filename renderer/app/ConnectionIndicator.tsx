import { describeError } from '../../shared/errors';
import { useAppStore } from './app-store';

const labels = {
  connecting: { text: 'Connecting', tone: 'neutral' },
  connected: { text: 'Connected', tone: 'ok' },
  degraded: { text: 'Slow / retrying', tone: 'warn' },
  disconnected: { text: 'Disconnected', tone: 'danger' },
  error: { text: 'Connection error', tone: 'danger' },
} as const;

/** Tenant reachability, plus the browser host's bridge when that is down. */
export function ConnectionIndicator() {
  const tenant = useAppStore((state) => state.tenant);
  const bridge = useAppStore((state) => state.bridge);
  if (bridge !== 'open') {
    return (
      <span className="status status-danger" role="status">
        <span className="dot" aria-hidden="true" />
        {bridge === 'connecting' ? 'Reaching console host…' : 'Console host unreachable'}
      </span>
    );
  }
  const label = labels[tenant?.connection ?? 'connecting'];
  return (
    <span className={`status status-${label.tone}`} role="status" title={tenant?.lastError ? describeError(tenant.lastError) : undefined}>
      <span className="dot" aria-hidden="true" />
      {label.text}
    </span>
  );
}
