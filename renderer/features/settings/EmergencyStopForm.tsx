import { useState, type FormEvent } from 'react';
import type { EmergencyStop } from '../../../shared/tenant-profile';
import { useAppStore } from '../../app/app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSettingsStore } from './settings-store';

/** The connected Admin API tenant's emergency stop mode, changed on its own: no new connection, no secrets typed again. */
export function EmergencyStopForm() {
  const current = useAppStore((s) => s.tenant?.emergencyStop ?? 'without_force');
  const { saving, saved, error } = useSettingsStore((s) => s.emergencyStopSave);
  const setEmergencyStop = useSettingsStore((s) => s.setEmergencyStop);
  const [chosen, setChosen] = useState<EmergencyStop | null>(null);
  const mode = chosen ?? current;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void setEmergencyStop(mode).then(() => setChosen(null));
  };
  return (
    <form className="admin-api-section" onSubmit={submit} aria-labelledby="emergency-stop-title">
      <h3 id="emergency-stop-title" className="nc-h3">
        Emergency pause on this tenant
      </h3>
      <div className="field">
        <label htmlFor="connected-emergencyStop">Emergency pause stops skills with</label>
        <select id="connected-emergencyStop" value={mode} onChange={(event) => setChosen(event.target.value as EmergencyStop)}>
          <option value="without_force">Stop without force: calls in progress finish</option>
          <option value="forced">Forced stop: the emergency brake</option>
        </select>
      </div>
      <ErrorNotice error={error} title="Emergency pause not changed" />
      <div className="actions">
        <button type="submit" className="button" disabled={saving || mode === current}>
          Save emergency pause
        </button>
        {saved && chosen === null ? (
          <span className="status status-ok" role="status">
            Saved: the next emergency pause {current === 'forced' ? 'forces the stop' : 'lets calls in progress finish'}
          </span>
        ) : null}
      </div>
    </form>
  );
}
