import { alertSeverities, capacityPacingModels, ruleSettingsSchemas, type AutomationRuleId } from '../../../shared/automation/automation-rules';

/** How a setting is typed: free text, a number, a percent (stored as a fraction) or one of a few choices. */
export interface SettingField {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'percent' | 'choice';
  choices?: readonly { value: string; label: string }[];
  hint: string;
}

/** The settings form of each rule, in the order a lead reads them; labels match the names the rule's schema uses in its messages. */
export const settingFields: Record<AutomationRuleId, readonly SettingField[]> = {
  weather: [
    { key: 'alertsUrl', label: 'Alerts feed URL', kind: 'text', hint: 'NWS active alerts (GeoJSON), https:// or this computer.' },
    {
      key: 'severity',
      label: 'Severity threshold',
      kind: 'choice',
      choices: alertSeverities.map((value) => ({ value, label: `${value} and above` })),
      hint: 'Alerts at or above this pause the campaigns of their area.',
    },
    { key: 'holdDownMinutes', label: 'Hold-down (minutes)', kind: 'number', hint: 'How long a campaign stays paused after its last alert ends.' },
    { key: 'intervalMinutes', label: 'Interval (minutes)', kind: 'number', hint: 'Time between two scheduled runs.' },
  ],
  capacity: [
    { key: 'safetyFactor', label: 'Safety factor', kind: 'number', hint: 'The limit set is available agents × this factor (above 0, at most 1).' },
    {
      key: 'model',
      label: 'Pacing model',
      kind: 'choice',
      choices: capacityPacingModels.map((value) => ({
        value,
        label: value === 'agents' ? 'Available agents × safety factor' : 'Simulation (predicted abandonment)',
      })),
      hint: 'How the limit is worked out from the agents available.',
    },
    { key: 'maxAbandonRate', label: 'Maximum abandonment (%)', kind: 'percent', hint: 'Used by the simulation model; at most 3%.' },
    { key: 'answerRate', label: 'Answer rate (%)', kind: 'percent', hint: 'Simulation model: the share of dials a person answers.' },
    { key: 'ahtSeconds', label: 'Talk time (seconds)', kind: 'number', hint: 'Simulation model: average talk time of an answered call.' },
    { key: 'wrapUpSeconds', label: 'Wrap-up (seconds)', kind: 'number', hint: 'Simulation model: after-call work before the agent is free.' },
    { key: 'intervalMinutes', label: 'Interval (minutes)', kind: 'number', hint: 'Time between two scheduled runs.' },
  ],
};

/** The settings form as typed: text per setting, so a half-typed number never becomes a value. */
export type SettingsDraft = Record<string, string>;
export type SettingProblems = Record<string, string>;

const percentText = (fraction: number) => String(Number((fraction * 100).toPrecision(12)));

/** The form's text from a rule's stored settings. */
export function draftOf(ruleId: AutomationRuleId, settings: Record<string, unknown>): SettingsDraft {
  const draft: SettingsDraft = {};
  for (const field of settingFields[ruleId]) {
    const value = settings[field.key];
    draft[field.key] = value === undefined || value === null ? '' : field.kind === 'percent' && typeof value === 'number' ? percentText(value) : String(value);
  }
  return draft;
}

/** The label the setting's messages use (without the unit in brackets): "Hold-down", "Maximum abandonment". */
const nameOf = (field: SettingField) => field.label.replace(/\s*\([^)]*\)$/, '');

/**
 * The settings to send, checked against the rule's own schema, or a message per setting that
 * names it ("Hold-down (minutes) must be 0 or more."): the same words main would refuse with.
 */
export function settingsOf(
  ruleId: AutomationRuleId,
  draft: SettingsDraft,
): { ok: true; settings: Record<string, unknown> } | { ok: false; problems: SettingProblems } {
  const problems: SettingProblems = {};
  const values: Record<string, unknown> = {};
  for (const field of settingFields[ruleId]) {
    const text = (draft[field.key] ?? '').trim();
    if (field.kind === 'text' || field.kind === 'choice') {
      values[field.key] = text;
      continue;
    }
    if (text === '') {
      problems[field.key] = `${nameOf(field)} is required.`;
      continue;
    }
    const value = Number(text);
    if (!Number.isFinite(value)) {
      problems[field.key] = `${nameOf(field)} must be a number${field.kind === 'percent' ? ' (a percent such as 2.5)' : ''}.`;
      continue;
    }
    values[field.key] = field.kind === 'percent' ? Number((value / 100).toPrecision(12)) : value;
  }
  const parsed = ruleSettingsSchemas[ruleId].safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? '');
      problems[key] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(problems).length > 0) return { ok: false, problems };
  return { ok: true, settings: parsed.data };
}

/** The setting a refusal from main is about, from its detail path ("settings.holdDownMinutes" or "holdDownMinutes"). */
export function settingOfPath(ruleId: AutomationRuleId, path: string | undefined): string | null {
  if (!path) return null;
  const keys = new Set(settingFields[ruleId].map((field) => field.key));
  const hit = path.split(/[.[\]/]/).find((part) => keys.has(part));
  return hit ?? null;
}

export const labelOf = (ruleId: AutomationRuleId, key: string) => settingFields[ruleId].find((field) => field.key === key)?.label ?? key;
