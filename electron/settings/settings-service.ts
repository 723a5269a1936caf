import type { z } from 'zod';
import { Emitter } from '../../shared/base/emitter';
import { consoleSettingsSchema, settingsChangeSchema, type ConsoleSettings, type SettingsProblem } from '../../shared/settings/console-settings';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { KeyValueStore } from './key-value-store';

const settingsKey = 'consoleSettings';

export interface SettingsService {
  get(): ConsoleSettings;
  /** Validates `change` (a bad value is refused, naming the setting) and stores it; stored values it does not name stay as they are. */
  update(change: Partial<ConsoleSettings>): ConsoleSettings;
  /** Stored values that are not valid, by name: each is kept in the file, and its default used until it is fixed. */
  problems(): SettingsProblem[];
  onChange(listener: (settings: ConsoleSettings) => void): () => void;
}

type SettingName = keyof ConsoleSettings;
const fields = consoleSettingsSchema.shape as Record<SettingName, z.ZodType>;
const names = Object.keys(fields) as SettingName[];

const issueText = (error: z.ZodError) => error.issues.map((issue) => issue.message).join('; ');
const shown = (value: unknown) => {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
};

interface ReadSettings {
  settings: ConsoleSettings;
  problems: SettingsProblem[];
  /** What the store holds, as stored: written back unchanged except for what an update names. */
  stored: Record<string, unknown>;
}

/**
 * Each setting is read on its own: one invalid value falls back to its default (and is reported
 * by name), the others are used as stored. Nothing is rewritten on read.
 */
function readSettings(store: KeyValueStore): ReadSettings {
  const raw = store.get(settingsKey) ?? {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      settings: consoleSettingsSchema.parse({}),
      problems: [
        { setting: settingsKey, message: `The stored settings are not an object (${shown(raw)}); every setting uses its default until they are saved again.` },
      ],
      stored: {},
    };
  }
  const stored = raw as Record<string, unknown>;
  const settings: Record<string, unknown> = {};
  const problems: SettingsProblem[] = [];
  for (const name of names) {
    const parsed = fields[name].safeParse(stored[name]);
    if (parsed.success) {
      settings[name] = parsed.data;
    } else {
      settings[name] = fields[name].parse(undefined);
      problems.push({
        setting: name,
        message: `${name} is ${shown(stored[name])}, which is not valid (${issueText(parsed.error)}); the default ${shown(settings[name])} is used until it is fixed.`,
      });
    }
  }
  return { settings: settings as ConsoleSettings, problems, stored };
}

/** The one settings store of the app: defaults filled in, every write validated, one bad value never costs the others. */
export function createSettingsService(store: KeyValueStore): SettingsService {
  const changed = new Emitter<ConsoleSettings>();
  return {
    get: () => readSettings(store).settings,
    problems: () => readSettings(store).problems,
    update(change) {
      const checked = settingsChangeSchema.safeParse(change);
      if (!checked.success) {
        const [issue] = checked.error.issues;
        const setting = String(issue?.path[0] ?? 'settings');
        throw new ConsoleFailure(consoleError('validation', `${setting}: ${issue?.message ?? 'not valid'}; nothing was saved.`, { target: setting }));
      }
      const { stored } = readSettings(store);
      const named = Object.fromEntries(Object.entries(checked.data).filter(([, value]) => value !== undefined));
      store.set(settingsKey, { ...stored, ...named });
      const next = readSettings(store).settings;
      changed.fire(next);
      return next;
    },
    onChange: changed.event,
  };
}
