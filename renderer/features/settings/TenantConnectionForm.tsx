import { useState, type FormEvent } from 'react';
import { cxoneIssuers, defaultMaxConcurrency, defaultMaxRequestsPerSecond, type TenantAdapter } from '../../../shared/tenant-profile';
import { useAppStore } from '../../app/app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useSettingsStore } from './settings-store';
import { UrlWarning } from './UrlWarning';

/** An empty box keeps the default; anything else goes to validation as a number (NaN names the field). */
const optionalNumber = (name: string, raw: FormDataEntryValue | null): Record<string, number> => {
  const text = String(raw ?? '').trim();
  return text === '' ? {} : { [name]: Number(text) };
};

/** An empty box of an optional text setting is left out, so it keeps its default. */
const optionalText = (name: string, raw: FormDataEntryValue | null): Record<string, string> => {
  const text = String(raw ?? '').trim();
  return text === '' ? {} : { [name]: text };
};

const kindNames: Record<TenantAdapter, string> = { contract: 'Outbound contract', 'cxone-admin': 'CXone (Admin API)' };

export function TenantConnectionForm() {
  const tenant = useAppStore((state) => state.tenant);
  const { fieldErrors, busy, error } = useSettingsStore((s) => s.tenantForm);
  const connectTenant = useSettingsStore((s) => s.connectTenant);
  const connectAdminApiTenant = useSettingsStore((s) => s.connectAdminApiTenant);
  const [kind, setKind] = useState<TenantAdapter>(tenant?.adapter ?? 'contract');
  const switchToDemoTenant = useSettingsStore((s) => s.switchToDemoTenant);
  const [typedUrls, setTypedUrls] = useState<Partial<Record<string, string>>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (kind === 'cxone-admin') {
      void connectAdminApiTenant({
        label: String(form.get('label') ?? ''),
        issuer: String(form.get('issuer') ?? ''),
        accessKeyId: String(form.get('accessKeyId') ?? ''),
        accessKeySecret: String(form.get('accessKeySecret') ?? ''),
        emergencyStop: String(form.get('emergencyStop') ?? 'without_force'),
        ...optionalText('apiVersion', form.get('apiVersion')),
        ...optionalText('applicationClientId', form.get('applicationClientId')),
        ...optionalText('applicationClientSecret', form.get('applicationClientSecret')),
        ...optionalNumber('maxRequestsPerSecond', form.get('maxRequestsPerSecond')),
        ...optionalNumber('maxConcurrency', form.get('maxConcurrency')),
      });
      return;
    }
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
        onChange={name.endsWith('Url') || name === 'issuer' ? (event) => setTypedUrls({ ...typedUrls, [name]: event.target.value }) : undefined}
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
        {tenant?.adapter ? ` · ${kindNames[tenant.adapter]}` : ''}
        {tenant?.clientId ? ` · ${tenant.adapter === 'cxone-admin' ? 'access key' : 'client'} ${tenant.clientId}` : ''}
        {tenant && !tenant.isDemo ? ` · secret ${tenant.credentialsConfigured ? 'stored in the vault' : 'missing'}` : ''}
      </p>
      <div className="field">
        <label htmlFor="tenant-kind">Tenant kind</label>
        <select id="tenant-kind" value={kind} onChange={(event) => setKind(event.target.value as TenantAdapter)}>
          <option value="contract">{kindNames.contract}</option>
          <option value="cxone-admin">{kindNames['cxone-admin']}</option>
        </select>
      </div>
      {field('label', 'Name', { placeholder: 'Production tenant' })}
      {kind === 'cxone-admin' ? (
        <>
          {field('issuer', 'Issuer', { defaultValue: cxoneIssuers.commercial, placeholder: `${cxoneIssuers.commercial} or ${cxoneIssuers.government}` })}
          {field('accessKeyId', 'Access key ID')}
          {field('accessKeySecret', 'Access key secret', { type: 'password', placeholder: 'stored encrypted; never shown again' })}
          {field('apiVersion', 'API version (optional)', { placeholder: '33.0 (default)' })}
          <div className="field-row">
            {field('applicationClientId', 'Application client ID (optional)')}
            {field('applicationClientSecret', 'Application client secret (optional)', { type: 'password', placeholder: 'stored encrypted' })}
          </div>
          <div className="field">
            <label htmlFor="tenant-emergencyStop">Emergency pause</label>
            <select
              // Remounted when Settings changes the mode on its own, so the form starts from the mode in force.
              key={tenant?.emergencyStop ?? 'without_force'}
              id="tenant-emergencyStop"
              name="emergencyStop"
              defaultValue={tenant?.emergencyStop ?? 'without_force'}
              aria-describedby="tenant-emergencyStop-hint"
            >
              <option value="without_force">Stop without force: calls in progress finish</option>
              <option value="forced">Forced stop: the emergency brake</option>
            </select>
            <span className="muted" id="tenant-emergencyStop-hint">
              A pause is always a stop without force. The Admin API has no versions: each change reads the skill, compares, writes and reads it again.
            </span>
          </div>
        </>
      ) : (
        <>
          {field('apiBaseUrl', 'API base URL', { placeholder: 'https://api.example.com' })}
          {field('tokenUrl', 'Token URL (optional)', { placeholder: 'defaults to {API base URL}/oauth2/token' })}
          {field('clientId', 'Client ID')}
          {field('clientSecret', 'Client secret', { type: 'password', placeholder: 'stored encrypted; never shown again' })}
        </>
      )}
      <div className="field-row">
        {field('maxRequestsPerSecond', 'Start rate (requests/s)', {
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
        <button type="button" className="button" onClick={() => void switchToDemoTenant('cxone-admin')} disabled={busy}>
          Use demo tenant (Admin API)
        </button>
      </div>
    </form>
  );
}
