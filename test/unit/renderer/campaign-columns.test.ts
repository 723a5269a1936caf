import { describe, expect, it } from 'vitest';
import { campaignColumns, columnWidths, shownColumnIds } from '../../../renderer/features/campaigns/campaign-columns';

describe('campaign table columns', () => {
  it('shows every column on a contract tenant, in the order the table defines them', () => {
    expect(shownColumnIds(false)).toEqual(campaignColumns.map((c) => c.id));
  });

  it('leaves out on a tenant of skills the columns a skill has no value for', () => {
    expect(shownColumnIds(true)).toEqual(['name', 'status', 'dialerType']);
  });

  it('gives every column but the name a width, so the name takes what is left', () => {
    expect(shownColumnIds(false).filter((id) => columnWidths[id] === undefined)).toEqual(['name']);
  });
});
