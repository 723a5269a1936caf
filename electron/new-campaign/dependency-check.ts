import { toConsoleError, type ConsoleError } from '../../shared/errors';
import type { ContactList } from '../../shared/cxone/schemas';
import type { NewCampaignForm } from '../../shared/new-campaign/campaign-form';
import { referencePassed, type ReferenceCheck, type ReferenceCheckItem } from '../../shared/new-campaign/reference-check';
import { campaignsWithExactName, type NewCampaignTenant } from './new-campaign-tenant';

const quoted = (name: string) => `"${name}"`;

function unchecked(base: Pick<ReferenceCheckItem, 'kind' | 'reference' | 'field'>, what: string, error: ConsoleError): ReferenceCheckItem {
  return {
    ...base,
    status: 'unchecked',
    name: null,
    message: `${what} could not be checked: ${error.message} Check the connection and run the check again.`,
    error,
  };
}

async function checkContactList(tenant: NewCampaignTenant, id: string): Promise<{ item: ReferenceCheckItem; list: ContactList | null }> {
  const base = { kind: 'contactList', reference: id, field: 'contactListId' } as const;
  try {
    const list = await tenant.contactList(id);
    if (list.recordCount === 0) {
      return {
        item: {
          ...base,
          status: 'missing',
          name: list.name,
          message: `Contact list ${id} ${quoted(list.name)} has no records, so the campaign would have nobody to dial and fail to activate; pick a list with records.`,
        },
        list,
      };
    }
    return {
      item: { ...base, status: 'ok', name: list.name, message: `Contact list ${id} exists with ${list.recordCount.toLocaleString('en-US')} records.` },
      list,
    };
  } catch (thrown) {
    const error = toConsoleError(thrown);
    if (error.kind === 'not_found') {
      return {
        item: { ...base, status: 'missing', name: null, message: `Contact list ${id} does not exist on this tenant; pick one of its lists.` },
        list: null,
      };
    }
    return { item: unchecked(base, `Contact list ${id}`, error), list: null };
  }
}

async function checkWrapUpCode(tenant: NewCampaignTenant, id: string): Promise<ReferenceCheckItem> {
  const base = { kind: 'wrapUpCode', reference: id, field: 'wrapUpCodeIds' } as const;
  try {
    const code = await tenant.wrapUpCode(id);
    return { ...base, status: 'ok', name: code.name, message: `Wrap-up code ${id} exists (outcome ${code.outcomeCode}).` };
  } catch (thrown) {
    const error = toConsoleError(thrown);
    if (error.kind === 'not_found') {
      return { ...base, status: 'missing', name: null, message: `Wrap-up code ${id} does not exist on this tenant; remove it or pick an existing code.` };
    }
    return unchecked(base, `Wrap-up code ${id}`, error);
  }
}

async function checkDncList(tenant: NewCampaignTenant, id: string): Promise<ReferenceCheckItem> {
  const base = { kind: 'dncList', reference: id, field: 'dncListId' } as const;
  try {
    const list = await tenant.dncList(id);
    if (list.state !== 'ACTIVE') {
      return {
        ...base,
        status: 'inactive',
        name: list.name,
        message: `DNC list ${id} ${quoted(list.name)} is ${list.state}, so numbers on it would not be suppressed; pick an ACTIVE DNC list.`,
      };
    }
    return { ...base, status: 'ok', name: list.name, message: `DNC list ${id} is ACTIVE with ${list.recordCount.toLocaleString('en-US')} numbers.` };
  } catch (thrown) {
    const error = toConsoleError(thrown);
    if (error.kind === 'not_found') {
      return { ...base, status: 'missing', name: null, message: `DNC list ${id} does not exist on this tenant; pick one of its DNC lists.` };
    }
    return unchecked(base, `DNC list ${id}`, error);
  }
}

/**
 * The name is checked too: after an ambiguous failure the creation finds its campaign
 * by exact name, which only proves anything while the name is unique.
 */
async function checkName(tenant: NewCampaignTenant, name: string): Promise<ReferenceCheckItem> {
  const base = { kind: 'campaignName', reference: name, field: 'name' } as const;
  try {
    const existing = await campaignsWithExactName(tenant, name);
    const first = existing[0];
    if (first) {
      return {
        ...base,
        status: 'duplicate',
        name: first.name,
        message: `A campaign named ${quoted(first.name)} already exists (${first.id}, ${first.status}); choose a name no other campaign uses.`,
      };
    }
    return { ...base, status: 'ok', name: null, message: 'No other campaign has this name.' };
  } catch (thrown) {
    return unchecked(base, `The name ${quoted(name)}`, toConsoleError(thrown));
  }
}

/** Asks the tenant about every reference of the form; creates nothing. */
export async function checkDependencies(tenant: NewCampaignTenant, form: NewCampaignForm, now: () => Date = () => new Date()): Promise<ReferenceCheck> {
  const [name, contactList, wrapUpCodes, dncList] = await Promise.all([
    checkName(tenant, form.name),
    checkContactList(tenant, form.contactListId),
    Promise.all(form.wrapUpCodeIds.map((id) => checkWrapUpCode(tenant, id))),
    form.dncListId === null ? Promise.resolve(null) : checkDncList(tenant, form.dncListId),
  ]);
  const items = [name, contactList.item, ...wrapUpCodes, ...(dncList ? [dncList] : [])];
  return { passed: referencePassed(items), checkedAt: now().toISOString(), items, contactList: contactList.list };
}
