import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleError } from '../../../shared/errors';
import type { OutboxStatus, WebhookChannel } from '../../../shared/outbox/outbox-status';
import type { ConsoleSettings, SettingsProblem } from '../../../shared/settings/console-settings';
import type { RequestLogEntry } from '../../../shared/tenant/request-log-entry';
import { adminApiProfileInputSchema } from '../../../shared/tenant/admin-api-profile-input';
import { tenantProfileInputSchema } from '../../../shared/tenant/tenant-profile-input';
import type { OutcomeDispositionMapping, OutcomeDispositionView } from '../../../shared/tenant/outcome-disposition-mapping';
import type { EmergencyStop, TenantAdapter } from '../../../shared/tenant-profile';
import type { RequestOf } from '../../../shared/ipc/contract';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';

export const requestLogRows = 200;

/** The two settings forms; each saves only the settings it shows and reports on its own. */
export type SettingsFormId = 'general' | 'auditLog';

export interface SaveState {
  saving: boolean;
  saved: boolean;
  error: ConsoleError | null;
}

export interface TenantFormState {
  /** Validation messages by field name, from the profile schema before anything is sent. */
  fieldErrors: Partial<Record<string, string>>;
  busy: boolean;
  error: ConsoleError | null;
}

/** The Admin API tenant's outcome → disposition mapping as Settings edits it. */
export interface OutcomeMappingState {
  view: OutcomeDispositionView | null;
  loading: boolean;
  save: SaveState;
}

export interface SettingsState {
  settings: ConsoleSettings | null;
  loadError: ConsoleError | null;
  problems: SettingsProblem[];
  forms: Record<SettingsFormId, SaveState>;
  tenantForm: TenantFormState;
  outbox: OutboxStatus | null;
  outboxError: ConsoleError | null;
  secretErrors: Partial<Record<WebhookChannel, ConsoleError>>;
  requestLog: RequestLogEntry[];
  /** The connected Admin API tenant's emergency stop mode, saved on its own (no new connection). */
  emergencyStopSave: SaveState;
  outcomeMapping: OutcomeMappingState;
  setEmergencyStop(mode: EmergencyStop): Promise<void>;
  loadOutcomeMapping(): Promise<void>;
  /** Saves the mapping; null goes back to matching outcome codes to dispositions by name. */
  saveOutcomeMapping(mapping: OutcomeDispositionMapping | null): Promise<void>;
  /** Loads everything the Settings screen shows and keeps it current; the returned function stops that. */
  start(): () => void;
  save(form: SettingsFormId, change: RequestOf<'settings:update'>): Promise<void>;
  /** Validates the typed profile first; only a valid one is sent. */
  connectTenant(candidate: Record<string, unknown>): Promise<void>;
  /** The same for a "CXone (Admin API)" tenant. */
  connectAdminApiTenant(candidate: Record<string, unknown>): Promise<void>;
  /** The embedded demo tenant: the contract one, or with `cxone-admin` the simulated Admin API tenant. */
  switchToDemoTenant(kind?: TenantAdapter): Promise<void>;
  /** Stores (or, with null, removes) a webhook signing secret; true once the vault has it. */
  setSecret(channel: WebhookChannel, secret: string | null): Promise<boolean>;
  retryUndeliverable(id: string): Promise<void>;
}

export type SettingsStore = StoreApi<SettingsState>;

const fieldErrorsOf = (issues: readonly { path: readonly PropertyKey[]; message: string }[]) =>
  Object.fromEntries(issues.map((issue) => [String(issue.path[0]), issue.message]));

const idleSave: SaveState = { saving: false, saved: false, error: null };
const idleTenantForm: TenantFormState = { fieldErrors: {}, busy: false, error: null };
const idleOutcomeMapping: OutcomeMappingState = { view: null, loading: false, save: idleSave };

export function createSettingsStore(api: ConsoleApi): SettingsStore {
  return createStore<SettingsState>((set, get) => {
    const setForm = (form: SettingsFormId, state: SaveState) => set({ forms: { ...get().forms, [form]: state } });
    const setTenantForm = (change: Partial<TenantFormState>) => set({ tenantForm: { ...get().tenantForm, ...change } });
    const loadProblems = () =>
      api.call('settings:problems', {}).then(
        (problems) => set({ problems }),
        () => undefined,
      );
    const loadOutbox = () =>
      api.call('outbox:status', {}).then(
        (outbox) => set({ outbox }),
        (thrown: unknown) => set({ outboxError: errorOf(thrown) }),
      );
    const tenantCall = async (work: () => Promise<unknown>) => {
      setTenantForm({ busy: true, error: null });
      try {
        await work();
        setTenantForm({ busy: false });
      } catch (thrown) {
        setTenantForm({ busy: false, error: errorOf(thrown) });
      }
    };

    return {
      settings: null,
      loadError: null,
      problems: [],
      forms: { general: idleSave, auditLog: idleSave },
      tenantForm: idleTenantForm,
      outbox: null,
      outboxError: null,
      secretErrors: {},
      requestLog: [],
      emergencyStopSave: idleSave,
      outcomeMapping: idleOutcomeMapping,
      async setEmergencyStop(emergencyStop) {
        set({ emergencyStopSave: { saving: true, saved: false, error: null } });
        try {
          await api.call('tenant:setEmergencyStop', { emergencyStop });
          set({ emergencyStopSave: { saving: false, saved: true, error: null } });
        } catch (thrown) {
          set({ emergencyStopSave: { saving: false, saved: false, error: errorOf(thrown) } });
        }
      },
      async loadOutcomeMapping() {
        set({ outcomeMapping: { ...get().outcomeMapping, loading: true } });
        try {
          const view = await api.call('tenant:outcomeDispositions', {});
          set({ outcomeMapping: { view, loading: false, save: idleSave } });
        } catch (thrown) {
          set({ outcomeMapping: { view: null, loading: false, save: { saving: false, saved: false, error: errorOf(thrown) } } });
        }
      },
      async saveOutcomeMapping(mapping) {
        set({ outcomeMapping: { ...get().outcomeMapping, save: { saving: true, saved: false, error: null } } });
        try {
          const view = await api.call('tenant:saveOutcomeDispositions', { mapping });
          set({ outcomeMapping: { view, loading: false, save: { saving: false, saved: true, error: null } } });
        } catch (thrown) {
          set({ outcomeMapping: { ...get().outcomeMapping, save: { saving: false, saved: false, error: errorOf(thrown) } } });
        }
      },
      start() {
        // Each visit starts from what main has now, with no message left over from the last one.
        set({
          settings: null,
          loadError: null,
          forms: { general: idleSave, auditLog: idleSave },
          tenantForm: idleTenantForm,
          emergencyStopSave: idleSave,
          outcomeMapping: idleOutcomeMapping,
          secretErrors: {},
          outboxError: null,
        });
        api.call('settings:get', {}).then(
          (settings) => set({ settings }),
          (thrown: unknown) => set({ loadError: errorOf(thrown) }),
        );
        void loadProblems();
        void loadOutbox();
        api.call('tenant:requestLog', { limit: requestLogRows }).then(
          (requestLog) => set({ requestLog }),
          () => undefined,
        );
        const offs = [
          api.on('settings:changed', () => {
            void loadProblems();
            void loadOutbox();
          }),
          api.on('outbox:changed', () => void loadOutbox()),
          api.on('tenant:requestLogged', (entry) => set({ requestLog: [entry, ...get().requestLog].slice(0, requestLogRows) })),
        ];
        return () => offs.forEach((off) => off());
      },
      async save(form, change) {
        setForm(form, { saving: true, saved: false, error: null });
        try {
          const settings = await api.call('settings:update', change);
          set({ settings });
          setForm(form, { saving: false, saved: true, error: null });
        } catch (thrown) {
          setForm(form, { saving: false, saved: false, error: errorOf(thrown) });
        }
      },
      async connectTenant(candidate) {
        const parsed = tenantProfileInputSchema.safeParse(candidate);
        if (!parsed.success) {
          setTenantForm({ fieldErrors: fieldErrorsOf(parsed.error.issues) });
          return;
        }
        setTenantForm({ fieldErrors: {} });
        await tenantCall(() => api.call('tenant:connect', parsed.data));
      },
      async connectAdminApiTenant(candidate) {
        const parsed = adminApiProfileInputSchema.safeParse(candidate);
        if (!parsed.success) {
          setTenantForm({ fieldErrors: fieldErrorsOf(parsed.error.issues) });
          return;
        }
        setTenantForm({ fieldErrors: {} });
        await tenantCall(() => api.call('tenant:connectAdminApi', parsed.data));
      },
      switchToDemoTenant: (kind) => tenantCall(() => api.call('tenant:useDemo', kind ? { kind } : {})),
      async setSecret(channel, secret) {
        const { [channel]: _previous, ...others } = get().secretErrors;
        set({ secretErrors: others });
        try {
          set({ outbox: await api.call('outbox:setSecret', { channel, secret }) });
          return true;
        } catch (thrown) {
          set({ secretErrors: { ...get().secretErrors, [channel]: errorOf(thrown) } });
          return false;
        }
      },
      async retryUndeliverable(id) {
        set({ outboxError: null });
        try {
          await api.call('outbox:retryDead', { id });
          await loadOutbox();
        } catch (thrown) {
          set({ outboxError: errorOf(thrown) });
        }
      },
    };
  });
}

const settingsStoreContext = createStoreContext<SettingsState>('settings');
export const SettingsStoreProvider = settingsStoreContext.Provider;
export const useSettingsStore = settingsStoreContext.useSelector;
