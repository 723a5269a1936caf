import { flexRender, getCoreRowModel, getSortedRowModel, useReactTable, type SortingState } from '@tanstack/react-table';
import { useMemo, useState, type KeyboardEvent } from 'react';
import type { Campaign } from '../../../shared/cxone/schemas';
import type { CampaignSnapshot } from '../../../shared/campaigns/campaign-snapshot';
import { canPause, canResume } from '../../../shared/campaigns/status-transitions';
import { navigationTarget, useVirtualRows } from '../../components/use-virtual-rows';
import { useAppStore } from '../../app/app-store';
import { campaignColumns, columnWidths, numericColumns, shownColumnIds, type CampaignColumnId } from './campaign-columns';
import { CampaignRow } from './CampaignRow';
import { useCampaignsStore } from './campaigns-store';

const rowHeight = 30;
const pageRows = 20;

interface CampaignTableProps {
  campaigns: Campaign[];
  pending: CampaignSnapshot['pending'];
}

/** Virtualized: only the rows in view are in the DOM, so 5,000 campaigns scroll smoothly. */
export function CampaignTable({ campaigns, pending }: CampaignTableProps) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const [activeIndex, setActiveIndex] = useState(0);
  const selected = useCampaignsStore((s) => s.selected);
  const setSelection = useCampaignsStore((s) => s.setSelection);
  const toggleSelected = useCampaignsStore((s) => s.toggleSelected);
  const openDrawer = useCampaignsStore((s) => s.openDrawer);
  const setStatus = useCampaignsStore((s) => s.setStatus);
  const skills = useAppStore((s) => s.tenant?.adapter === 'cxone-admin');
  const shown = useMemo(() => shownColumnIds(skills), [skills]);
  const columnVisibility = useMemo(() => Object.fromEntries(campaignColumns.map((c) => [c.id, shown.includes(c.id as CampaignColumnId)])), [shown]);
  const table = useReactTable({
    data: campaigns,
    columns: campaignColumns,
    state: { sorting, columnVisibility },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (row) => row.id,
  });
  const rows = table.getRowModel().rows;
  const { scrollRef, items, paddingTop, paddingBottom, tabbableIndex, scrollToAndFocus } = useVirtualRows(rows.length, rowHeight);
  const visibleIds = useMemo(() => rows.map((r) => r.id), [rows]);
  const allSelected = visibleIds.length > 0 && visibleIds.every((id) => selected.has(id));

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const row = rows[activeIndex]?.original;
    if (!(event.target instanceof HTMLTableRowElement)) return;
    const target = navigationTarget(event.key, activeIndex, rows.length, pageRows);
    if (target !== null) {
      setActiveIndex(target);
      scrollToAndFocus(target, `[data-row-index="${target}"]`);
    } else if (event.key === ' ' && row) toggleSelected(row.id);
    else if (event.key === 'Enter' && row) openDrawer(row.id);
    else if (event.key.toLowerCase() === 'p' && row && canPause(row.status)) void setStatus([row.id], 'paused');
    else if (event.key.toLowerCase() === 'r' && row && canResume(row.status)) void setStatus([row.id], 'running');
    else return;
    event.preventDefault();
  };

  return (
    <div className="table-scroll campaign-table" ref={scrollRef} onKeyDown={onKeyDown}>
      <table className="table table-fixed" aria-label="Campaigns" aria-rowcount={rows.length + 1}>
        <colgroup>
          <col style={{ width: 34 }} />
          {shown.map((id) => (
            <col key={id} style={columnWidths[id] === undefined ? undefined : { width: columnWidths[id] }} />
          ))}
          <col style={{ width: 92 }} />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={allSelected ? 'Clear selection' : `Select all ${visibleIds.length} shown`}
                checked={allSelected}
                onChange={() => setSelection(allSelected ? [] : visibleIds)}
              />
            </th>
            {table.getHeaderGroups()[0]?.headers.map((header) => {
              const sorted = header.column.getIsSorted();
              return (
                <th
                  key={header.id}
                  scope="col"
                  className={numericColumns.has(header.id) ? 'num' : undefined}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                    {flexRender(header.column.columnDef.header, header.getContext())}
                    <span aria-hidden="true">{sorted === 'asc' ? ' ▲' : sorted === 'desc' ? ' ▼' : ''}</span>
                  </button>
                </th>
              );
            })}
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={shown.length + 2} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index];
            if (!row) return null;
            return (
              <CampaignRow
                key={row.id}
                campaign={row.original}
                index={item.index}
                active={item.index === tabbableIndex(activeIndex)}
                selected={selected.has(row.id)}
                pending={pending[row.id]?.target ?? null}
                columns={shown}
                onFocus={() => setActiveIndex(item.index)}
              />
            );
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={shown.length + 2} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="muted empty">No campaign matches these filters.</p> : null}
    </div>
  );
}
