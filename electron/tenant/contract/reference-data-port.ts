import * as z from 'zod';
import { contactListSchema, contractPaths, dncListSchema, maxPageSize, pageOf, wrapUpCodeSchema } from '../../../shared/cxone/schemas';
import { ConsoleFailure } from '../../../shared/errors';
import type { ReferenceDataPort } from '../ports';
import type { ContractHttp } from './contract-http';
import { walkPages } from './pagination';

/** §4.5 over the contract. */
export function contractReferenceData(http: ContractHttp, pageSize = maxPageSize): ReferenceDataPort {
  const listAll = <S extends z.ZodType>(what: string, path: string, scope: string, schema: S, signal?: AbortSignal) =>
    walkPages((page) =>
      http.request({
        operation: { name: `list ${what}`, method: 'GET', path, scope },
        schema: pageOf(schema),
        searchParams: { page, pageSize },
        signal,
      }),
    );
  const readOne = <S extends z.ZodType>(what: string, id: string, path: string, scope: string, schema: S, signal?: AbortSignal) =>
    http.request({ operation: { name: `read ${what} ${id}`, method: 'GET', path, scope, resource: `${what} ${id}` }, schema, signal });

  const dncList = (id: string, signal?: AbortSignal) => readOne('DNC list', id, contractPaths.dncList(id), 'outbound:dnc:read', dncListSchema, signal);

  return {
    contactLists: (signal) => listAll('contact lists', contractPaths.contactLists, 'outbound:contactlist:read', contactListSchema, signal),
    contactList: (id, signal) => readOne('contact list', id, contractPaths.contactList(id), 'outbound:contactlist:read', contactListSchema, signal),
    wrapUpCodes: (signal) => listAll('wrap-up codes', contractPaths.wrapUpCodes, 'outbound:campaign:read', wrapUpCodeSchema, signal),
    wrapUpCode: (id, signal) => readOne('wrap-up code', id, contractPaths.wrapUpCode(id), 'outbound:campaign:read', wrapUpCodeSchema, signal),
    dncLists: (signal) => listAll('DNC lists', contractPaths.dncLists, 'outbound:dnc:read', dncListSchema, signal),
    dncList,
    async isOnDncList(listId, e164, signal) {
      try {
        await http.request({
          operation: {
            name: `check ${e164} against DNC list ${listId}`,
            method: 'GET',
            path: contractPaths.dncNumber(listId, e164),
            scope: 'outbound:dnc:read',
            resource: `DNC list ${listId}`,
          },
          schema: z.unknown(),
          signal,
        });
        return true;
      } catch (thrown) {
        if (!(thrown instanceof ConsoleFailure) || thrown.error.kind !== 'not_found') throw thrown;
        // §4.5 answers 404 both for "not listed" and for "no such list": tell them apart.
        if (thrown.error.code === 'NUMBER_NOT_LISTED') return false;
        await dncList(listId, signal);
        return false;
      }
    },
  };
}
