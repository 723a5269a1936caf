import type { FormEvent } from 'react';
import type { WebhookChannel } from '../../../shared/outbox/outbox-status';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSettingsStore } from './settings-store';

const receivers: Record<WebhookChannel, string> = {
  crm: 'CRM (DISPOSITION_UPDATE)',
  wfm: 'WFM (CAMPAIGN_SCHEDULE_UPDATED)',
  marketing: 'Marketing (campaign.created)',
};

function SecretForm({ channel, configured }: { channel: WebhookChannel; configured: boolean }) {
  const error = useSettingsStore((s) => s.secretErrors[channel] ?? null);
  const setSecret = useSettingsStore((s) => s.setSecret);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const secret = String(new FormData(form).get('secret') ?? '');
    if (await setSecret(channel, secret)) form.reset();
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
        <button type="button" className="button" onClick={() => void setSecret(channel, null)}>
          Remove
        </button>
      ) : null}
      <ErrorNotice error={error} title={`${receivers[channel]} secret not saved`} />
    </form>
  );
}

/** Where notifications go and whether they get there: signing secrets (stored in the vault) and messages that ran out of attempts. */
export function NotificationsPanel() {
  const status = useSettingsStore((s) => s.outbox);
  const error = useSettingsStore((s) => s.outboxError);
  const retry = useSettingsStore((s) => s.retryUndeliverable);

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
                  <SecretForm channel={hook.channel} configured={hook.secretConfigured} />
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
