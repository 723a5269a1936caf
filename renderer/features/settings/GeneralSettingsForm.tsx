import { useState, type FormEvent } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSettingsStore } from './settings-store';
import { UrlWarning } from './UrlWarning';

const webhookFields = [
  { name: 'crmWebhookUrl', id: 'settings-crm', label: 'CRM webhook URL (DISPOSITION_UPDATE)' },
  { name: 'wfmWebhookUrl', id: 'settings-wfm', label: 'WFM webhook URL (CAMPAIGN_SCHEDULE_UPDATED)' },
  { name: 'marketingWebhookUrl', id: 'settings-marketing', label: 'Marketing webhook URL (campaign.created)' },
] as const;

export function GeneralSettingsForm() {
  const settings = useSettingsStore((s) => s.settings);
  const loadError = useSettingsStore((s) => s.loadError);
  const { saving, saved, error } = useSettingsStore((s) => s.forms.general);
  const save = useSettingsStore((s) => s.save);
  const [typed, setTyped] = useState<Partial<Record<string, string>>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    void save('general', {
      refreshIntervalSeconds: Number(form.get('refreshIntervalSeconds')),
      crmWebhookUrl: String(form.get('crmWebhookUrl') ?? ''),
      wfmWebhookUrl: String(form.get('wfmWebhookUrl') ?? ''),
      marketingWebhookUrl: String(form.get('marketingWebhookUrl') ?? ''),
    });
  };

  if (!settings) return <div className="panel">{loadError ? <ErrorNotice error={loadError} /> : 'Loading settings…'}</div>;
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="general-settings-title">
      <h2 id="general-settings-title">Refresh and notifications</h2>
      <div className="field">
        <label htmlFor="settings-refresh">Refresh every (seconds)</label>
        <input id="settings-refresh" name="refreshIntervalSeconds" type="number" min={2} max={300} defaultValue={settings.refreshIntervalSeconds} />
      </div>
      {webhookFields.map(({ name, id, label }) => {
        const url = typed[name] ?? settings[name];
        return (
          <div className="field" key={name}>
            <label htmlFor={id}>{label}</label>
            <input
              id={id}
              name={name}
              type="url"
              defaultValue={settings[name]}
              onChange={(event) => setTyped({ ...typed, [name]: event.target.value })}
              aria-describedby={`${id}-warning`}
            />
            <UrlWarning id={`${id}-warning`} url={url} />
          </div>
        );
      })}
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
