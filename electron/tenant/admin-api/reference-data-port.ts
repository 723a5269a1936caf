import type { z } from 'zod';
import { outcomeCodePattern, type ContactList, type DncList, type WrapUpCode } from '../../../shared/cxone/schemas';
import type { OutcomeDispositionMapping } from '../../../shared/tenant/outcome-disposition-mapping';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import type { ContractHttp } from '../contract/contract-http';
import type { ReferenceDataPort } from '../ports';
import { dncPhoneNumberOf, dncSearchResultKey, outcomeCodeOfDispositionName, unknownTimestamp } from './assumptions';
import { callingListSchema, dncGroupSchema, dncSearchRecordSchema, skillDispositionSchema, skipTopPageOf } from './admin-schemas';
import { walkSkipTop } from './skip-top-pages';

/**
 * Calling lists, dispositions and DNC groups as the console's contact lists, wrap-up codes and DNC
 * lists. `mapping()` is the outcome → disposition mapping from Settings: its codes are outcome codes too.
 */
export function adminReferenceData(http: ContractHttp, pageSize: number, mapping: () => OutcomeDispositionMapping = () => ({})): ReferenceDataPort {
  async function* listAll<S extends z.ZodType, T>(what: string, path: string, key: string, schema: S, map: (item: z.infer<S>) => T, signal?: AbortSignal) {
    const page = skipTopPageOf(key, schema);
    const items = walkSkipTop(pageSize, (skip, top) =>
      http.request({ operation: { name: `list ${what}`, method: 'GET', path }, schema: page, searchParams: { skip, top }, acceptsEmptyBody: true, signal }),
    );
    for await (const item of items) yield map(item as z.infer<S>);
  }
  // The public facts name no read of a single list, disposition or group: find it in the listing.
  const findIn = async <T extends { id: string }>(what: string, id: string, items: AsyncIterable<T>): Promise<T> => {
    for await (const item of items) if (item.id === id) return item;
    throw new ConsoleFailure(
      consoleError('not_found', `Could not read ${what} ${id}: it does not exist on the tenant; refresh and pick an existing one.`, {
        target: `${what} ${id}`,
      }),
    );
  };

  const contactLists = (signal?: AbortSignal) =>
    listAll(
      'calling lists',
      '/lists/call-lists',
      'callingLists',
      callingListSchema,
      (list): ContactList => ({ id: list.listId, name: list.listName, recordCount: list.totalRecords ?? 0, timezoneField: null, createdAt: unknownTimestamp }),
      signal,
    );
  const wrapUpCodes = (signal?: AbortSignal) =>
    listAll(
      'dispositions',
      '/dispositions',
      'dispositions',
      skillDispositionSchema,
      (d): WrapUpCode => ({ id: d.dispositionId, name: d.dispositionName, outcomeCode: outcomeCodeOfDispositionName(d.dispositionName) }),
      signal,
    );
  const dncLists = (signal?: AbortSignal) =>
    listAll(
      'DNC groups',
      '/dnc-groups',
      'dncGroups',
      dncGroupSchema,
      // The group listing carries no record count; it stays 0 rather than a page walk per group.
      (group): DncList => ({ id: group.dncGroupId, name: group.dncGroupName, state: group.isActive === false ? 'INACTIVE' : 'ACTIVE', recordCount: 0 }),
      signal,
    );
  const dncList = (id: string, signal?: AbortSignal) => findIn('DNC group', id, dncLists(signal));

  return {
    contactLists,
    contactList: (id, signal) => findIn('calling list', id, contactLists(signal)),
    wrapUpCodes,
    wrapUpCode: (id, signal) => findIn('disposition', id, wrapUpCodes(signal)),
    async outcomeCodes(signal) {
      const codes = new Set<string>();
      const ids = new Set<string>();
      for await (const code of wrapUpCodes(signal)) {
        ids.add(code.id);
        if (outcomeCodePattern.test(code.outcomeCode)) codes.add(code.outcomeCode);
      }
      // A mapped code counts only while its disposition exists; Settings names the others.
      for (const [code, dispositionId] of Object.entries(mapping())) if (ids.has(dispositionId)) codes.add(code);
      return [...codes].sort();
    },
    dncLists,
    dncList,
    async isOnDncList(listId, e164, signal) {
      await dncList(listId, signal);
      const phoneNumber = dncPhoneNumberOf(e164);
      const found = await http.request({
        operation: { name: `check ${e164} against DNC group ${listId}`, method: 'POST', path: '/dnc-groups/search' },
        schema: skipTopPageOf(dncSearchResultKey, dncSearchRecordSchema),
        searchParams: { phoneNumber },
        acceptsEmptyBody: true,
        signal,
      });
      return found.items.some((record) => record.dncGroupId === listId);
    },
  };
}
