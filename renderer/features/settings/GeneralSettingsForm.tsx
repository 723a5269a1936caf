import { useEffect, useState, type FormEvent } from 'react';
import type { ConsoleError } from '../../../shared/errors';
import type { ConsoleSettings } from '../../../shared/settings/console-settings';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorOf } from '../../components/to-console-error';
import { UrlWarning } from './UrlWarning';

const webhookFields = [
  { name: 'crmWebhookUrl', id: 'settings-crm', label: 'CRM webhook URL (DISPOSITION_UPDATE)' },
  { name: 'wfmWebhookUrl', id: 'settings-wfm', label: 'WFM webhook URL (CAMPAIGN_SCHEDULE_UPDATED)' },
  { name: 'marketingWebhookUrl', id: 'settings-marketing', label: 'Marketing webhook URL (campaign.created)' },
] as const;

export function GeneralSettingsForm() {
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const [saved, setSaved] = useState(false);
  const [typed, setTyped] = useState<Partial<Record<string, string>>>({});

  useEffect(() => {
    api.call('settings:get', {}).then(setSettings, (thrown: unknown) => setError(errorOf(thrown)));
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    setSaved(false);
    try {
      const next = await api.call('settings:update', {
        refreshIntervalSeconds: Number(form.get('refreshIntervalSeconds')),
        crmWebhookUrl: String(form.get('crmWebhookUrl') ?? ''),
        wfmWebhookUrl: String(form.get('wfmWebhookUrl') ?? ''),
        marketingWebhookUrl: String(form.get('marketingWebhookUrl') ?? ''),
      });
      setSettings(next);
      setSaved(true);
    } catch (thrown) {
      setError(errorOf(thrown));
    }
  };

  if (!settings) return <div className="panel">{error ? <ErrorNotice error={error} /> : 'Loading settings…'}</div>;
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
        <button type="submit" className="button button-primary">
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
