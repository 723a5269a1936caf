import { useState, type FormEvent } from 'react';
import { auditRetentionWarnBelowDays, type ConsoleSettings } from '../../../shared/settings/console-settings';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSettingsStore } from './settings-store';

/** Empty means "keep everything"; anything else must be a whole number of days. */
const retentionOf = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** Audit log rotation size and retention (off by default), with a warning for a retention under 5 years. */
export function AuditLogSettingsForm() {
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.loadError);
  if (!settings) return <div className="panel">{loadError ? <ErrorNotice error={loadError} /> : 'Loading settings…'}</div>;
  return <AuditLogFields settings={settings} />;
}

/** Mounted once the settings are loaded, so the retention box starts from the stored value. */
function AuditLogFields({ settings }: { settings: ConsoleSettings }) {
  const [retentionText, setRetentionText] = useState(settings.auditRetentionDays === null ? '' : String(settings.auditRetentionDays));
  const { saving, saved, error } = useSettingsStore((s) => s.forms.auditLog);
  const save = useSettingsStore((s) => s.save);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save('auditLog', {
      auditMaxFileMegabytes: Number(form.get('auditMaxFileMegabytes')),
      auditRetentionDays: retentionOf(retentionText),
    });
  };

  const retention = retentionOf(retentionText);
  const shortRetention = retention !== null && Number.isFinite(retention) && retention < auditRetentionWarnBelowDays;
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="audit-settings-title">
      <h2 id="audit-settings-title">Audit log</h2>
      <div className="field">
        <label htmlFor="settings-audit-size">Start a new file after (MB); older files are compressed, never deleted</label>
        <input id="settings-audit-size" name="auditMaxFileMegabytes" type="number" min={1} max={1024} defaultValue={settings.auditMaxFileMegabytes} />
      </div>
      <div className="field">
        <label htmlFor="settings-audit-retention">Remove files older than (days); empty keeps everything</label>
        <input
          id="settings-audit-retention"
          name="auditRetentionDays"
          type="number"
          min={1}
          value={retentionText}
          onChange={(event) => setRetentionText(event.target.value)}
          aria-describedby={shortRetention ? 'settings-audit-retention-warning' : undefined}
        />
      </div>
      {shortRetention ? (
        <p id="settings-audit-retention-warning" className="notice notice-warn" role="status">
          {retention} days is less than 5 years. US telemarketing rules (FTC TSR, 16 CFR 310.5) require call and disposition records to be kept for years: check
          what applies to you before records are removed.
        </p>
      ) : null}
      <ErrorNotice error={error} title="Settings not saved" />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          Save
        </button>
        {saved ? (
          <span className="status status-ok" role="status">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
