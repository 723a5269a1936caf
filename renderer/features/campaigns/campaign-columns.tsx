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

export type CampaignColumnId = 'name' | 'status' | 'dialerType' | 'region' | 'timezone' | 'contactListId' | 'maxConcurrentCalls' | 'updatedAt';

export const numericColumns: ReadonlySet<string> = new Set(['maxConcurrentCalls']);

/** Widths in px; the name column takes what is left. */
export const columnWidths: Readonly<Record<CampaignColumnId, number | undefined>> = {
  name: undefined,
  status: 168,
  dialerType: 96,
  region: 70,
  timezone: 150,
  contactListId: 110,
  maxConcurrentCalls: 82,
  updatedAt: 110,
};

/**
 * What a Personal Connection skill (the Admin API's campaign) has no value for: the adapter fills
 * them with placeholders (no region or zone, list "-", 0 calls, changed at the epoch), so on that
 * tenant the table leaves them out rather than show a column of made-up values.
 */
export const columnsWithoutSkillData: ReadonlySet<CampaignColumnId> = new Set(['region', 'timezone', 'contactListId', 'maxConcurrentCalls', 'updatedAt']);

/** The columns shown, in order: all of them, or on a tenant of skills only those a skill has. */
export const shownColumnIds = (skills: boolean): CampaignColumnId[] =>
  campaignColumns.map((c) => c.id as CampaignColumnId).filter((id) => !skills || !columnsWithoutSkillData.has(id));
