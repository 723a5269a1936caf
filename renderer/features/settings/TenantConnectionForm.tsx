import { useState, type FormEvent } from 'react';
import { defaultMaxConcurrency, defaultMaxRequestsPerSecond } from '../../../shared/tenant-profile';
import { useAppStore } from '../../app/app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSettingsStore } from './settings-store';
import { UrlWarning } from './UrlWarning';

/** An empty box keeps the default; anything else goes to validation as a number (NaN names the field). */
const optionalNumber = (name: string, raw: FormDataEntryValue | null): Record<string, number> => {
  const text = String(raw ?? '').trim();
  return text === '' ? {} : { [name]: Number(text) };
};

export function TenantConnectionForm() {
  const tenant = useAppStore((state) => state.tenant);
  const { fieldErrors, busy, error } = useSettingsStore((s) => s.tenantForm);
  const connectTenant = useSettingsStore((s) => s.connectTenant);
  const switchToDemoTenant = useSettingsStore((s) => s.switchToDemoTenant);
  const [typedUrls, setTypedUrls] = useState<Partial<Record<string, string>>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const candidate = {
      label: String(form.get('label') ?? ''),
      apiBaseUrl: String(form.get('apiBaseUrl') ?? ''),
      tokenUrl: String(form.get('tokenUrl') ?? ''),
      clientId: String(form.get('clientId') ?? ''),
      clientSecret: String(form.get('clientSecret') ?? ''),
      ...optionalNumber('maxRequestsPerSecond', form.get('maxRequestsPerSecond')),
      ...optionalNumber('maxConcurrency', form.get('maxConcurrency')),
    };
    void connectTenant(candidate);
  };

  const field = (
    name: string,
    label: string,
    props: { type?: string; placeholder?: string; defaultValue?: string; min?: number; max?: number; step?: number } = {},
  ) => (
    <div className="field">
      <label htmlFor={`tenant-${name}`}>{label}</label>
      <input
        id={`tenant-${name}`}
        name={name}
        type={props.type ?? 'text'}
        placeholder={props.placeholder}
        defaultValue={props.defaultValue}
        min={props.min}
        max={props.max}
        step={props.step}
        aria-invalid={fieldErrors[name] ? true : undefined}
        aria-describedby={fieldErrors[name] ? `tenant-${name}-error` : `tenant-${name}-warning`}
        autoComplete="off"
        onChange={name.endsWith('Url') ? (event) => setTypedUrls({ ...typedUrls, [name]: event.target.value }) : undefined}
      />
      <UrlWarning id={`tenant-${name}-warning`} url={typedUrls[name] ?? ''} />
      {fieldErrors[name] ? (
        <span className="field-error" id={`tenant-${name}-error`}>
          {fieldErrors[name]}
        </span>
      ) : null}
    </div>
  );

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="tenant-form-title" noValidate>
      <h2 id="tenant-form-title">Tenant connection</h2>
      <p className="muted">
        Now: <strong>{tenant?.label ?? '—'}</strong>
        {tenant?.isDemo ? ' (embedded demo tenant, no credentials needed)' : ''}
        {tenant?.clientId ? ` · client ${tenant.clientId}` : ''}
        {tenant && !tenant.isDemo ? ` · secret ${tenant.credentialsConfigured ? 'stored in the vault' : 'missing'}` : ''}
      </p>
      {field('label', 'Name', { placeholder: 'Production tenant' })}
      {field('apiBaseUrl', 'API base URL', { placeholder: 'https://api.example.com' })}
      {field('tokenUrl', 'Token URL (optional)', { placeholder: 'defaults to {API base URL}/oauth2/token' })}
      {field('clientId', 'Client ID')}
      {field('clientSecret', 'Client secret', { type: 'password', placeholder: 'stored encrypted; never shown again' })}
      <div className="field-row">
        {field('maxRequestsPerSecond', 'Starting requests per second', {
          type: 'number',
          placeholder: `${defaultMaxRequestsPerSecond} (default)`,
          min: 1,
          max: 1000,
          step: 1,
        })}
        {field('maxConcurrency', 'Max requests at once', { type: 'number', placeholder: `${defaultMaxConcurrency} (default)`, min: 1, max: 64, step: 1 })}
      </div>
      <p className="muted field-hint">
        Pacing starts at this rate, then follows the tenant: it speeds up while requests are accepted and holds just under the rate where the tenant answers
        429.
      </p>
      <ErrorNotice error={error} title="Could not connect" />
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy}>
          Connect
        </button>
        <button type="button" className="button" onClick={() => void switchToDemoTenant()} disabled={busy}>
          Use demo tenant
        </button>
      </div>
    </form>
  );
}
