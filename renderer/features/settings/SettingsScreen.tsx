import { useEffect } from 'react';
import { AdminApiTenantPanel } from './AdminApiTenantPanel';
import { AuditLogSettingsForm } from './AuditLogSettingsForm';
import { GeneralSettingsForm } from './GeneralSettingsForm';
import { NotificationsPanel } from './NotificationsPanel';
import { RequestLogTable } from './RequestLogTable';
import { useSettingsStore } from './settings-store';
import { StoredSettingsProblems } from './StoredSettingsProblems';
import { TenantConnectionForm } from './TenantConnectionForm';

export function SettingsScreen() {
  const start = useSettingsStore((s) => s.start);
  useEffect(() => start(), [start]);
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Settings</h1>
      </header>
      <StoredSettingsProblems />
      <div className="settings-grid">
        <TenantConnectionForm />
        <AdminApiTenantPanel />
        <GeneralSettingsForm />
        <AuditLogSettingsForm />
      </div>
      <NotificationsPanel />
      <RequestLogTable />
    </section>
  );
}
