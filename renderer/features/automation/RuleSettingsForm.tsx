import { useMemo } from 'react';
import type { AutomationRuleView } from '../../../shared/automation/automation-rules';
import { urlSettingWarning } from '../../../shared/url-setting';
import { clockTime } from './automation-format';
import { useAutomationStore } from './automation-store';
import { draftOf, settingFields } from './rule-settings-fields';

/** The rule's settings, checked with the rule's own schema before they are sent; every message names its setting. */
export function RuleSettingsForm({ rule }: { rule: AutomationRuleView }) {
  const edited = useAutomationStore((s) => s.drafts[rule.id]);
  // The stored settings as text, made once per rule view (a selector returning a new object would re-render forever).
  const draft = useMemo(() => edited ?? draftOf(rule.id, rule.settings), [edited, rule.id, rule.settings]);
  const dirty = edited !== undefined;
  const problems = useAutomationStore((s) => s.problems[rule.id]) ?? {};
  const saving = useAutomationStore((s) => s.saving === rule.id);
  const savedAt = useAutomationStore((s) => s.savedAt[rule.id]);
  const edit = useAutomationStore((s) => s.editSetting);
  const save = useAutomationStore((s) => s.saveSettings);
  const discard = useAutomationStore((s) => s.discardSettings);
  const problemCount = Object.keys(problems).length;
  return (
    <form
      className="panel auto-settings"
      aria-label={`Settings of ${rule.title}`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save(rule.id);
      }}
    >
      <h3 className="auto-h3">Settings</h3>
      <div className="auto-fields">
        {settingFields[rule.id].map((field) => {
          const id = `auto-${rule.id}-${field.key}`;
          const problem = problems[field.key];
          const value = draft[field.key] ?? '';
          const warning = field.key === 'alertsUrl' && !problem ? urlSettingWarning(value) : null;
          const described = [`${id}-hint`, problem ? `${id}-error` : null, warning ? `${id}-warning` : null].filter(Boolean).join(' ');
          return (
            <div key={field.key} className={`field auto-field auto-field-${field.kind}`}>
              <label htmlFor={id}>{field.label}</label>
              {field.kind === 'choice' ? (
                <select
                  id={id}
                  name={field.key}
                  value={value}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={described}
                  onChange={(e) => edit(rule.id, field.key, e.target.value)}
                >
                  {(field.choices ?? []).map((choice) => (
                    <option key={choice.value} value={choice.value}>
                      {choice.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  name={field.key}
                  value={value}
                  inputMode={field.kind === 'text' ? 'url' : 'decimal'}
                  spellCheck={false}
                  autoComplete="off"
                  className={field.kind === 'text' ? undefined : 'num'}
                  aria-invalid={problem ? true : undefined}
                  aria-describedby={described}
                  onChange={(e) => edit(rule.id, field.key, e.target.value)}
                />
              )}
              {problem ? (
                <span id={`${id}-error`} className="field-error">
                  {problem}
                </span>
              ) : null}
              {warning ? (
                <span id={`${id}-warning`} className="field-warning">
                  {warning}
                </span>
              ) : null}
              <span id={`${id}-hint`} className="field-hint muted">
                {field.hint}
              </span>
            </div>
          );
        })}
      </div>
      {problems[''] ? <p className="field-error">{problems['']}</p> : null}
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={saving || !dirty}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        {dirty ? (
          <button type="button" className="button" onClick={() => discard(rule.id)} disabled={saving}>
            Discard changes
          </button>
        ) : null}
        <span className="muted" aria-live="polite">
          {problemCount > 0
            ? `Not saved: ${problemCount} setting(s) to fix.`
            : dirty
              ? 'Unsaved changes; they apply from the next run.'
              : savedAt
                ? `Saved at ${clockTime(new Date(savedAt).toISOString())}.`
                : ''}
        </span>
      </div>
    </form>
  );
}
