import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { batchFilters, type BatchFilter, type BatchOverview, type BatchRow, type BatchRowStatus } from '../../../shared/dispositions/import-batch';
import { EditableCell } from './EditableCell';
import { rowPageSize, useDispositionsStore } from './dispositions-store';

const filterLabels: Record<BatchFilter, string> = { all: 'All', invalid: 'Invalid', will_skip: 'Will skip', will_apply: 'Will apply' };
const statusLabels: Record<BatchRowStatus, { text: string; tone: string }> = {
  will_apply: { text: 'Will apply', tone: 'badge-ok' },
  invalid: { text: 'Invalid', tone: 'badge-danger' },
  superseded: { text: 'Superseded', tone: 'badge-warn' },
  duplicate: { text: 'Duplicate', tone: 'badge-neutral' },
  noop: { text: 'Already so', tone: 'badge-neutral' },
};
const verdictLabels = { will_apply: 'Will change', noop: 'Already so', busy: 'Busy now', not_found: 'Not found', failed: 'Read failed' } as const;

const rowHeight = 30;
const fieldWidths: Record<string, string> = {
  contactId: 'minmax(150px, 1.2fr)',
  campaignId: 'minmax(90px, 0.8fr)',
  outcomeCode: 'minmax(140px, 1fr)',
  agentId: 'minmax(90px, 0.8fr)',
  notes: 'minmax(90px, 1fr)',
  dispositionTimestamp: 'minmax(175px, 1fr)',
};

export function BatchGrid({ overview, locked }: { overview: BatchOverview; locked: boolean }) {
  const filter = useDispositionsStore((s) => s.filter);
  const setFilter = useDispositionsStore((s) => s.setFilter);
  const pages = useDispositionsStore((s) => s.pages);
  const total = useDispositionsStore((s) => s.filteredTotal);
  const loadPage = useDispositionsStore((s) => s.loadPage);
  const hasDryRun = useDispositionsStore((s) => s.dryRun !== null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const firstPage = items.length > 0 ? Math.floor((items[0]?.index ?? 0) / rowPageSize) : 0;
  const lastPage = items.length > 0 ? Math.floor((items[items.length - 1]?.index ?? 0) / rowPageSize) : 0;
  useEffect(() => {
    for (let page = firstPage; page <= lastPage; page++) void loadPage(page);
  }, [firstPage, lastPage, loadPage, pages]);

  const rowAt = (index: number): BatchRow | undefined => pages.get(Math.floor(index / rowPageSize))?.[index % rowPageSize];
  const columns = `56px 104px ${overview.fields.map((field) => fieldWidths[field.name] ?? 'minmax(110px, 1fr)').join(' ')} minmax(180px, 1.6fr)`;
  const counts = overview.counts;
  const filterCount: Record<BatchFilter, number> = { all: counts.total, invalid: counts.invalid, will_skip: counts.willSkip, will_apply: counts.willApply };

  return (
    <div className="dispo-grid-wrap">
      <div className="toolbar" role="radiogroup" aria-label="Show rows">
        {batchFilters.map((name) => (
          <label key={name} className={filter === name ? 'dispo-filter dispo-filter-current' : 'dispo-filter'}>
            <input type="radio" name="dispo-filter" value={name} checked={filter === name} onChange={() => setFilter(name)} />
            {filterLabels[name]} <span className="num">({filterCount[name].toLocaleString()})</span>
          </label>
        ))}
        <span className="spacer" />
        <span className="muted keyboard-hint">Invalid cells are marked; click or press Enter on a cell to fix it, Enter to save, Escape to cancel.</span>
      </div>
      <div className="dispo-grid" role="table" aria-label="Rows of the file" aria-rowcount={total + 1}>
        <div role="rowgroup" className="dispo-grid-head">
          <div role="row" className="dispo-row" style={{ gridTemplateColumns: columns }} aria-rowindex={1}>
            <div role="columnheader" className="num">
              Line
            </div>
            <div role="columnheader">Status</div>
            {overview.fields.map((field) => (
              <div role="columnheader" key={field.name}>
                {field.label}
              </div>
            ))}
            <div role="columnheader">{hasDryRun ? 'Dry run / note' : 'Note'}</div>
          </div>
        </div>
        <div ref={scrollRef} className="dispo-grid-body" role="rowgroup" tabIndex={0}>
          {total === 0 ? <p className="empty muted">No rows match this filter.</p> : null}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className={
                    row?.unread ? 'dispo-row dispo-row-invalid dispo-row-unread' : row?.status === 'invalid' ? 'dispo-row dispo-row-invalid' : 'dispo-row'
                  }
                  style={{
                    gridTemplateColumns: columns,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                  }}
                >
                  {row ? (
                    <GridRow row={row} overview={overview} locked={locked} />
                  ) : (
                    <div role="cell" className="muted">
                      Loading…
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}

function GridRow({ row, overview, locked }: { row: BatchRow; overview: BatchOverview; locked: boolean }) {
  const status = statusLabels[row.status];
  if (row.unread) return <UnreadRow row={row} />;
  return (
    <>
      <div role="cell" className="num">
        {row.line}
      </div>
      <div role="cell" title={row.note ?? undefined}>
        <span className={`badge ${status.tone}`}>{status.text}</span>
      </div>
      {overview.fields.map((field) => (
        <EditableCell
          key={field.name}
          line={row.line}
          field={field.name}
          label={field.label}
          value={row.cells[field.name] ?? ''}
          problems={row.problems.filter((problem) => problem.field === field.name)}
          editable={!locked}
        />
      ))}
      <div role="cell" className="dispo-cell dispo-note" title={row.dryRun?.reason ?? row.note ?? ''}>
        {row.dryRun ? `${verdictLabels[row.dryRun.verdict]}: ${row.dryRun.reason}` : (row.note ?? <span className="muted">—</span>)}
      </div>
    </>
  );
}

/** Where reading the file stopped: one cell across the row says why and which lines were not read. */
function UnreadRow({ row }: { row: BatchRow }) {
  const message = row.problems.map((problem) => problem.message).join(' ');
  return (
    <>
      <div role="cell" className="num">
        {row.line}
      </div>
      <div role="cell">
        <span className="badge badge-danger">Not read</span>
      </div>
      <div role="cell" className="dispo-cell dispo-cell-invalid dispo-unread-message" title={message}>
        <span aria-hidden="true" className="dispo-cell-mark">
          !
        </span>
        {message}
      </div>
    </>
  );
}
