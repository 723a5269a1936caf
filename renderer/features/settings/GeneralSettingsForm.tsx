import { useEffect, useState, type FormEvent } from 'react';
import type { ConsoleError } from '../../../shared/errors';
import type { ConsoleSettings } from '../../../shared/ipc/channels/settings';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorOf } from '../../components/to-console-error';

export function GeneralSettingsForm() {
  const [settings, setSettings] = useState<ConsoleSettings | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const [saved, setSaved] = useState(false);

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
      <div className="field">
        <label htmlFor="settings-crm">CRM webhook URL (DISPOSITION_UPDATE)</label>
        <input id="settings-crm" name="crmWebhookUrl" type="url" defaultValue={settings.crmWebhookUrl} />
      </div>
      <div className="field">
        <label htmlFor="settings-wfm">WFM webhook URL (CAMPAIGN_SCHEDULE_UPDATED)</label>
        <input id="settings-wfm" name="wfmWebhookUrl" type="url" defaultValue={settings.wfmWebhookUrl} />
      </div>
      <div className="field">
        <label htmlFor="settings-marketing">Marketing webhook URL (campaign.created)</label>
        <input id="settings-marketing" name="marketingWebhookUrl" type="url" defaultValue={settings.marketingWebhookUrl} />
      </div>
      <ErrorNotice error={error} title="Settings not saved" />
      <div className="actions">
        <button type="submit" className="button button-primary">
          Save
        </button>
        {saved ? <span className="status status-ok" role="status">Saved</span> : null}
      </div>
    </form>
  );
}
