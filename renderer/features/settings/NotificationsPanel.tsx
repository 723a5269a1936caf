import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ConsoleError } from '../../../shared/errors';
import type { OutboxStatus, WebhookChannel } from '../../../shared/outbox/outbox-status';
import { api } from '../../api';
import { ErrorNotice } from '../../components/ErrorNotice';
import { errorOf } from '../../components/to-console-error';

const receivers: Record<WebhookChannel, string> = {
  crm: 'CRM (DISPOSITION_UPDATE)',
  wfm: 'WFM (CAMPAIGN_SCHEDULE_UPDATED)',
  marketing: 'Marketing (campaign.created)',
};

function SecretForm({ channel, configured, onSaved }: { channel: WebhookChannel; configured: boolean; onSaved: (status: OutboxStatus) => void }) {
  const [error, setError] = useState<ConsoleError | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const secret = String(new FormData(form).get('secret') ?? '');
    setError(null);
    try {
      onSaved(await api.call('outbox:setSecret', { channel, secret }));
      form.reset();
    } catch (thrown) {
      setError(errorOf(thrown));
    }
  };
  const clear = async () => {
    setError(null);
    try {
      onSaved(await api.call('outbox:setSecret', { channel, secret: null }));
    } catch (thrown) {
      setError(errorOf(thrown));
    }
  };
  return (
    <form className="secret-form" onSubmit={submit} aria-label={`Signing secret for ${receivers[channel]}`}>
      <input
        name="secret"
        type="password"
        autoComplete="off"
        placeholder={configured ? 'Replace secret' : 'Signing secret'}
        aria-label={`${receivers[channel]} signing secret`}
        required
        minLength={8}
      />
      <button type="submit" className="button">
        Save
      </button>
      {configured ? (
        <button type="button" className="button" onClick={() => void clear()}>
          Remove
        </button>
      ) : null}
      <ErrorNotice error={error} title={`${receivers[channel]} secret not saved`} />
    </form>
  );
}

/** Where notifications go and whether they get there: signing secrets (stored in the vault) and messages that ran out of attempts. */
export function NotificationsPanel() {
  const [status, setStatus] = useState<OutboxStatus | null>(null);
  const [error, setError] = useState<ConsoleError | null>(null);
  const load = useCallback(() => api.call('outbox:status', {}).then(setStatus, (thrown: unknown) => setError(errorOf(thrown))), []);
  useEffect(() => {
    void load();
    const offOutbox = api.on('outbox:changed', () => void load());
    const offSettings = api.on('settings:changed', () => void load());
    return () => {
      offOutbox();
      offSettings();
    };
  }, [load]);

  const retry = async (id: string) => {
    setError(null);
    try {
      await api.call('outbox:retryDead', { id });
      await load();
    } catch (thrown) {
      setError(errorOf(thrown));
    }
  };

  if (!status) return <section className="panel">{error ? <ErrorNotice error={error} /> : 'Loading notifications…'}</section>;
  return (
    <section className="panel" aria-labelledby="notifications-title">
      <h2 id="notifications-title">Webhook notifications</h2>
      <p className="muted">
        Outbox: <span className="num">{status.stats.pending}</span> waiting, <span className="num">{status.stats.delivered}</span> delivered,{' '}
        <span className={status.stats.dead > 0 ? 'text-danger' : ''}>{status.stats.dead} undeliverable</span>
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Receiver</th>
            <th scope="col">URL</th>
            <th scope="col">Signing secret</th>
          </tr>
        </thead>
        <tbody>
          {status.webhooks.map((hook) => (
            <tr key={hook.channel}>
              <td>{receivers[hook.channel]}</td>
              <td>{hook.urlConfigured ? <span className="badge badge-ok">Set</span> : <span className="badge badge-neutral">Off</span>}</td>
              <td>
                <div className="secret-cell">
                  <span className={`badge ${hook.secretConfigured ? 'badge-ok' : hook.urlConfigured ? 'badge-warn' : 'badge-neutral'}`}>
                    {hook.secretConfigured ? 'Stored in vault' : hook.urlConfigured ? 'Missing: deliveries wait' : 'Not set'}
                  </span>
                  <SecretForm channel={hook.channel} configured={hook.secretConfigured} onSaved={setStatus} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {status.undeliverable.length > 0 ? (
        <>
          <h3>Undeliverable messages</h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Receiver</th>
                <th scope="col">Created</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Last error</th>
                <th scope="col">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {status.undeliverable.map((message) => (
                <tr key={message.id}>
                  <td>{receivers[message.channel]}</td>
                  <td>{new Date(message.createdAt).toLocaleString()}</td>
                  <td className="num">{message.attempts}</td>
                  <td className="text-danger">{message.lastError ?? 'Unknown'}</td>
                  <td>
                    <button type="button" className="button" onClick={() => void retry(message.id)}>
                      Send again
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <ErrorNotice error={error} />
    </section>
  );
}
