import { useEffect, useRef } from 'react';
import { dialerTypes, dncRuleTypes } from '../../../shared/cxone/schemas';
import type { NewCampaignField } from '../../../shared/new-campaign/campaign-form';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormField, numberValue, parseNumberInput } from './form-fields';
import { useNewCampaignStore, useVisibleMessages } from './new-campaign-store';

const dialerHints: Record<(typeof dialerTypes)[number], string> = {
  predictive: 'Dials ahead of free agents; fastest, risks abandoned calls.',
  progressive: 'One call per free agent; no abandoned calls.',
  power: 'A fixed number of lines per agent.',
  preview: 'The agent reviews the record, then dials.',
};

const fieldId = (field: NewCampaignField) => `nc-${field}`;

/** Step 1: the campaign's definition, validated as it is typed (messages after a field is left). */
export function DefinitionStep() {
  const form = useNewCampaignStore((s) => s.form);
  const update = useNewCampaignStore((s) => s.update);
  const touch = useNewCampaignStore((s) => s.touch);
  const catalog = useNewCampaignStore((s) => s.catalog);
  const catalogError = useNewCampaignStore((s) => s.catalogError);
  const loadCatalog = useNewCampaignStore((s) => s.loadCatalog);
  const next = useNewCampaignStore((s) => s.next);
  const focusField = useNewCampaignStore((s) => s.focusField);
  const clearFocus = useNewCampaignStore((s) => s.clearFocus);
  const messages = useVisibleMessages();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!catalog) void loadCatalog();
  }, [catalog, loadCatalog]);
  useEffect(() => {
    if (!focusField) return;
    formRef.current?.querySelector<HTMLElement>(`#${fieldId(focusField)}`)?.focus();
    clearFocus();
  }, [focusField, clearFocus]);

  const contactList = catalog?.contactLists.find((list) => list.id === form.contactListId);
  const selectedCodes = new Set(form.wrapUpCodeIds);
  const unknownCodes = form.wrapUpCodeIds.filter((id) => !catalog?.wrapUpCodes.some((code) => code.id === id));

  return (
    <form
      ref={formRef}
      className="nc-form"
      noValidate
      aria-labelledby="nc-definition-title"
      onSubmit={(event) => {
        event.preventDefault();
        next();
      }}
    >
      <h2 id="nc-definition-title">Definition</h2>
      <ErrorNotice error={catalogError} title="Could not read the tenant's contact lists, wrap-up codes and DNC lists" />
      <div className="nc-grid">
        <fieldset className="panel">
          <legend>Campaign</legend>
          <FormField id={fieldId('name')} label="Name" message={messages.name}>
            {(describedBy, invalid) => (
              <input
                id={fieldId('name')}
                value={form.name}
                maxLength={200}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onChange={(e) => update({ name: e.target.value })}
                onBlur={() => touch('name')}
              />
            )}
          </FormField>
          <FormField id={fieldId('dialerType')} label="Dialer type" message={messages.dialerType} hint={dialerHints[form.dialerType]}>
            {(describedBy, invalid) => (
              <select
                id={fieldId('dialerType')}
                value={form.dialerType}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onChange={(e) => update({ dialerType: e.target.value as (typeof dialerTypes)[number] })}
              >
                {dialerTypes.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField
            id={fieldId('contactListId')}
            label="Contact list"
            message={messages.contactListId}
            hint={contactList ? `${contactList.recordCount.toLocaleString()} records` : undefined}
          >
            {(describedBy, invalid) => (
              <select
                id={fieldId('contactListId')}
                value={form.contactListId}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onChange={(e) => update({ contactListId: e.target.value })}
                onBlur={() => touch('contactListId')}
              >
                <option value="">{catalog ? 'Pick a contact list…' : 'Loading lists…'}</option>
                {catalog?.contactLists.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name} — {list.recordCount.toLocaleString()} records ({list.id})
                  </option>
                ))}
                {form.contactListId && !contactList ? <option value={form.contactListId}>{form.contactListId} (not on the tenant)</option> : null}
              </select>
            )}
          </FormField>
          <div className="nc-row">
            <FormField id={fieldId('maxCallsPerHour')} label="Max calls per hour" message={messages.maxCallsPerHour}>
              {(describedBy, invalid) => (
                <input
                  id={fieldId('maxCallsPerHour')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  className="num"
                  value={numberValue(form.maxCallsPerHour)}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(e) => update({ maxCallsPerHour: parseNumberInput(e.target.value) })}
                  onBlur={() => touch('maxCallsPerHour')}
                />
              )}
            </FormField>
            <FormField id={fieldId('agentAllocation')} label="Agent allocation" message={messages.agentAllocation}>
              {(describedBy, invalid) => (
                <input
                  id={fieldId('agentAllocation')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  className="num"
                  value={numberValue(form.agentAllocation)}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(e) => update({ agentAllocation: parseNumberInput(e.target.value) })}
                  onBlur={() => touch('agentAllocation')}
                />
              )}
            </FormField>
            <FormField id={fieldId('maxConcurrentCalls')} label="Max concurrent calls" message={messages.maxConcurrentCalls}>
              {(describedBy, invalid) => (
                <input
                  id={fieldId('maxConcurrentCalls')}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  className="num"
                  value={numberValue(form.maxConcurrentCalls)}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(e) => update({ maxConcurrentCalls: parseNumberInput(e.target.value) })}
                  onBlur={() => touch('maxConcurrentCalls')}
                />
              )}
            </FormField>
          </div>
          <div className="nc-row">
            <FormField id={fieldId('region')} label="Region" message={messages.region} hint="US- and the state, e.g. US-TX">
              {(describedBy, invalid) => (
                <input
                  id={fieldId('region')}
                  value={form.region}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(e) => update({ region: e.target.value.toUpperCase() })}
                  onBlur={() => touch('region')}
                />
              )}
            </FormField>
            <FormField id={fieldId('timezone')} label="Time zone" message={messages.timezone} hint="IANA name, e.g. America/Chicago">
              {(describedBy, invalid) => (
                <input
                  id={fieldId('timezone')}
                  value={form.timezone}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  onChange={(e) => update({ timezone: e.target.value })}
                  onBlur={() => touch('timezone')}
                />
              )}
            </FormField>
          </div>
        </fieldset>

        <fieldset className="panel" aria-describedby={messages.wrapUpCodeIds ? `${fieldId('wrapUpCodeIds')}-message` : undefined}>
          <legend>Wrap-up codes</legend>
          <div className="nc-checklist" id={fieldId('wrapUpCodeIds')} tabIndex={-1}>
            {catalog?.wrapUpCodes.map((code) => (
              <label key={code.id} className="nc-check">
                <input
                  type="checkbox"
                  checked={selectedCodes.has(code.id)}
                  onChange={(e) => {
                    update({ wrapUpCodeIds: e.target.checked ? [...form.wrapUpCodeIds, code.id] : form.wrapUpCodeIds.filter((id) => id !== code.id) });
                    touch('wrapUpCodeIds');
                  }}
                />
                {code.name} <span className="muted mono">{code.outcomeCode}</span>
              </label>
            ))}
            {unknownCodes.map((id) => (
              <label key={id} className="nc-check">
                <input type="checkbox" checked onChange={() => update({ wrapUpCodeIds: form.wrapUpCodeIds.filter((other) => other !== id) })} />
                <span className="mono">{id}</span> <span className="text-danger">not on the tenant — untick to remove</span>
              </label>
            ))}
          </div>
          <WrapUpCodeAdder onAdd={(id) => update({ wrapUpCodeIds: form.wrapUpCodeIds.includes(id) ? form.wrapUpCodeIds : [...form.wrapUpCodeIds, id] })} />
          {messages.wrapUpCodeIds ? (
            <span id={`${fieldId('wrapUpCodeIds')}-message`} className="field-error">
              {messages.wrapUpCodeIds}
            </span>
          ) : null}
        </fieldset>

        <fieldset className="panel">
          <legend>Suppression and DNC</legend>
          <label className="nc-check">
            <input type="checkbox" checked={form.suppressDnc} onChange={(e) => update({ suppressDnc: e.target.checked })} />
            Suppress numbers on the national DNC registry
          </label>
          <label className="nc-check">
            <input type="checkbox" checked={form.suppressDoNotCallList} onChange={(e) => update({ suppressDoNotCallList: e.target.checked })} />
            Suppress numbers on a tenant DNC list
          </label>
          <FormField id={fieldId('dncListId')} label="DNC list" message={messages.dncListId}>
            {(describedBy, invalid) => (
              <select
                id={fieldId('dncListId')}
                value={form.dncListId ?? ''}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onChange={(e) => update({ dncListId: e.target.value === '' ? null : e.target.value })}
                onBlur={() => touch('dncListId')}
              >
                <option value="">None</option>
                {catalog?.dncLists.map((list) => (
                  <option key={list.id} value={list.id}>
                    {list.name} — {list.state === 'ACTIVE' ? 'active' : 'INACTIVE'}, {list.recordCount.toLocaleString()} numbers
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <fieldset className="nc-subfieldset">
            <legend>DNC rules</legend>
            {dncRuleTypes.map((rule) => (
              <label key={rule} className="nc-check">
                <input
                  type="checkbox"
                  checked={form.dncRules.includes(rule)}
                  onChange={(e) => update({ dncRules: e.target.checked ? [...form.dncRules, rule] : form.dncRules.filter((r) => r !== rule) })}
                />
                <span className="mono">{rule}</span>
              </label>
            ))}
          </fieldset>
          <label className="nc-check">
            <input type="checkbox" checked={form.marketingSync} onChange={(e) => update({ marketingSync: e.target.checked })} />
            <span>
              Tell marketing automation (webhook <span className="mono">campaign.created</span>)
            </span>
          </label>
        </fieldset>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary">
          Next: check references
        </button>
        <span className="muted">Nothing is created until the last step.</span>
      </div>
    </form>
  );
}

/** Wrap-up codes by id, for codes a lead knows from another system (checked in the next step). */
function WrapUpCodeAdder({ onAdd }: { onAdd: (id: string) => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const add = () => {
    const id = inputRef.current?.value.trim() ?? '';
    if (id === '' || !inputRef.current) return;
    onAdd(id);
    inputRef.current.value = '';
  };
  return (
    <div className="nc-adder">
      <label htmlFor="nc-wrap-up-id">Add by id</label>
      <input
        id="nc-wrap-up-id"
        ref={inputRef}
        placeholder="e.g. wuc-09"
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          }
        }}
      />
      <button type="button" className="button button-small" onClick={add}>
        Add
      </button>
    </div>
  );
}
