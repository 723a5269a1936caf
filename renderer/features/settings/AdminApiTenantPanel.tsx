import { useAppStore } from '../../app/app-store';
import { EmergencyStopForm } from './EmergencyStopForm';
import { OutcomeMappingEditor } from './OutcomeMappingEditor';

/** What only a connected CXone (Admin API) tenant has, each saved on its own without the connection form. */
export function AdminApiTenantPanel() {
  const tenant = useAppStore((s) => s.tenant);
  if (tenant?.adapter !== 'cxone-admin' || tenant.connection === 'connecting') return null;
  return (
    <section className="panel" aria-labelledby="admin-api-panel-title">
      <h2 id="admin-api-panel-title">{tenant.label}: Admin API settings</h2>
      <EmergencyStopForm />
      <OutcomeMappingEditor key={tenant.profileId ?? ''} />
    </section>
  );
}
