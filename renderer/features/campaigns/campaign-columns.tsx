import { createColumnHelper } from '@tanstack/react-table';
import type { Campaign } from '../../../shared/cxone/schemas';

const column = createColumnHelper<Campaign>();

const statusOrder = { failed: 0, activating: 1, running: 2, paused: 3, draft: 4, completed: 5 } as const;

/** Sortable columns of the campaign table; cells are rendered by CampaignRow. */
export const campaignColumns = [
  column.accessor('name', { id: 'name', header: 'Name' }),
  column.accessor((c) => statusOrder[c.status], { id: 'status', header: 'Status' }),
  column.accessor('dialerType', { id: 'dialerType', header: 'Dialer' }),
  column.accessor((c) => c.customAttributes.region ?? '', { id: 'region', header: 'Region' }),
  column.accessor((c) => c.schedule?.timezone ?? c.customAttributes.timezone ?? '', { id: 'timezone', header: 'Time zone' }),
  column.accessor('contactListId', { id: 'contactListId', header: 'Contact list' }),
  column.accessor((c) => c.rules.maxConcurrentCalls, { id: 'maxConcurrentCalls', header: 'Max calls' }),
  column.accessor('updatedAt', { id: 'updatedAt', header: 'Last change' }),
];

export type CampaignColumnId = (typeof campaignColumns)[number]['id'];

export const numericColumns: ReadonlySet<string> = new Set(['maxConcurrentCalls']);
