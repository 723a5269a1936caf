import { useMemo } from 'react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ConsoleError } from '../../../shared/errors';
import { emptyNewCampaignForm, newCampaignFormSchema, type NewCampaignField, type NewCampaignForm } from '../../../shared/new-campaign/campaign-form';
import type { CreateCampaignResult, SimulationSummary } from '../../../shared/new-campaign/creation';
import { fieldMessagesOf, type FieldMessages } from '../../../shared/new-campaign/field-messages';
import type { ReferenceCatalog, ReferenceCheck } from '../../../shared/new-campaign/reference-check';
import type { ConsoleApi } from '../../api';
import { createStoreContext } from '../../app/store-context';
import { errorOf } from '../../components/to-console-error';

export const wizardSteps = [
  { id: 'definition', label: 'Definition' },
  { id: 'references', label: 'Check references' },
  { id: 'simulate', label: 'Simulate' },
  { id: 'review', label: 'Review & create' },
] as const;
export type WizardStep = (typeof wizardSteps)[number]['id'];

export interface NewCampaignState {
  step: WizardStep;
  form: NewCampaignForm;
  touched: ReadonlySet<NewCampaignField>;
  /** After a first "Next", every message shows, touched or not. */
  submitted: boolean;
  /** Messages from the tenant (reference check, 422) per field; editing the field clears its own. */
  tenantMessages: FieldMessages;
  focusField: NewCampaignField | null;
  catalog: ReferenceCatalog | null;
  catalogError: ConsoleError | null;
  referenceCheck: ReferenceCheck | null;
  checking: boolean;
  checkError: ConsoleError | null;
  creating: boolean;
  result: CreateCampaignResult | null;
  createError: ConsoleError | null;
  /**
   * The tenant said it cannot create campaigns at all (the Admin API): kept across edits of the
   * form, since no definition changes that, and tied to the tenant profile that said it.
   */
  createUnavailable: { profileId: string | null; error: ConsoleError } | null;
  loadCatalog(): Promise<void>;
  update(change: Partial<NewCampaignForm>): void;
  touch(field: NewCampaignField): void;
  clearFocus(): void;
  goTo(step: WizardStep): void;
  /** Back to the definition with the cursor in the field that needs fixing. */
  fix(field: NewCampaignField): void;
  next(): void;
  checkReferences(): Promise<void>;
  /** `profileId` is the connected tenant's, so a "not available" is remembered for that tenant only. */
  create(simulation: SimulationSummary | null, profileId?: string | null): Promise<CreateCampaignResult | null>;
  startOver(): void;
}

const firstInvalidField = (messages: FieldMessages): NewCampaignField | null => (Object.keys(messages)[0] as NewCampaignField | undefined) ?? null;

function messagesOfCheck(check: ReferenceCheck): FieldMessages {
  const messages: FieldMessages = {};
  for (const item of check.items) {
    if (item.status !== 'ok' && messages[item.field] === undefined) messages[item.field] = item.message;
  }
  return messages;
}

export type NewCampaignStore = StoreApi<NewCampaignState>;

export const createNewCampaignStore = (api: ConsoleApi): NewCampaignStore =>
  createStore<NewCampaignState>((set, get) => ({
    step: 'definition',
    form: emptyNewCampaignForm,
    touched: new Set(),
    submitted: false,
    tenantMessages: {},
    focusField: null,
    catalog: null,
    catalogError: null,
    referenceCheck: null,
    checking: false,
    checkError: null,
    creating: false,
    result: null,
    createError: null,
    createUnavailable: null,

    async loadCatalog() {
      try {
        set({ catalog: await api.call('newCampaign:references', {}), catalogError: null });
      } catch (thrown) {
        set({ catalogError: errorOf(thrown) });
      }
    },
    update(change) {
      const tenantMessages = { ...get().tenantMessages };
      for (const field of Object.keys(change) as NewCampaignField[]) delete tenantMessages[field];
      // A changed definition has not been checked against the tenant yet.
      set({ form: { ...get().form, ...change }, tenantMessages, referenceCheck: null, result: null });
    },
    touch(field) {
      if (!get().touched.has(field)) set({ touched: new Set([...get().touched, field]) });
    },
    clearFocus: () => set({ focusField: null }),
    goTo(step) {
      const { referenceCheck } = get();
      if (step === 'simulate' || step === 'review') {
        if (!referenceCheck?.passed) return;
      }
      set({ step });
      if (step === 'references' && !referenceCheck && !get().checking) void get().checkReferences();
    },
    fix(field) {
      set({ step: 'definition', focusField: field });
    },
    next() {
      const { step, form } = get();
      if (step === 'definition') {
        const parsed = newCampaignFormSchema.safeParse(form);
        if (!parsed.success) {
          set({ submitted: true, focusField: firstInvalidField(fieldMessagesOf(parsed.error)) });
          return;
        }
        set({ submitted: true, form: parsed.data });
        get().goTo('references');
        return;
      }
      if (step === 'references') get().goTo('simulate');
      if (step === 'simulate') get().goTo('review');
    },
    async checkReferences() {
      set({ checking: true, checkError: null });
      try {
        const check = await api.call('newCampaign:checkReferences', { form: get().form });
        set({ referenceCheck: check, tenantMessages: { ...get().tenantMessages, ...messagesOfCheck(check) } });
      } catch (thrown) {
        set({ checkError: errorOf(thrown), referenceCheck: null });
      } finally {
        set({ checking: false });
      }
    },
    async create(simulation, profileId = null) {
      set({ creating: true, createError: null, result: null });
      try {
        const result = await api.call('newCampaign:create', { form: get().form, simulation });
        set({ result });
        if (result.outcome === 'rejected' && result.error.kind === 'not_available') set({ createUnavailable: { profileId, error: result.error } });
        if (result.outcome === 'rejected') {
          const tenantMessages = { ...get().tenantMessages, ...result.fieldMessages } as FieldMessages;
          set({ tenantMessages, referenceCheck: result.referenceCheck ?? get().referenceCheck });
        }
        return result;
      } catch (thrown) {
        set({ createError: errorOf(thrown) });
        return null;
      } finally {
        set({ creating: false });
      }
    },
    startOver() {
      set({
        step: 'definition',
        form: emptyNewCampaignForm,
        touched: new Set(),
        submitted: false,
        tenantMessages: {},
        referenceCheck: null,
        checkError: null,
        result: null,
        createError: null,
      });
    },
  }));

const newCampaignStoreContext = createStoreContext<NewCampaignState>('newCampaign');
export const NewCampaignStoreProvider = newCampaignStoreContext.Provider;
export const useNewCampaignStore = newCampaignStoreContext.useSelector;

/** What each field shows now: the tenant's word first, the form schema's once touched or submitted. */
export function useVisibleMessages(): FieldMessages {
  const form = useNewCampaignStore((s) => s.form);
  const touched = useNewCampaignStore((s) => s.touched);
  const submitted = useNewCampaignStore((s) => s.submitted);
  const tenantMessages = useNewCampaignStore((s) => s.tenantMessages);
  return useMemo(() => {
    const parsed = newCampaignFormSchema.safeParse(form);
    const local = parsed.success ? {} : fieldMessagesOf(parsed.error);
    const visible: FieldMessages = {};
    for (const field of Object.keys(local) as NewCampaignField[]) {
      if (submitted || touched.has(field)) visible[field] = local[field];
    }
    return { ...visible, ...tenantMessages };
  }, [form, touched, submitted, tenantMessages]);
}
