import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { auditColumns } from './audit-columns';
import { AuditRow } from './AuditRow';

const rowHeight = 30;
const pageRows = 20;

interface AuditTableProps {
  entries: AuditEntry[];
  onOpen(seq: number): void;
}

/**
 * Virtualized, newest first. The focused row is remembered by seq, not by position, so
 * entries prepended live do not move the keyboard focus to another entry.
 */
export function AuditTable({ entries, onOpen }: AuditTableProps) {
  const [activeSeq, setActiveSeq] = useState<number | null>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  const found = activeSeq === null ? -1 : entries.findIndex((entry) => entry.seq === activeSeq);
  const activeIndex = found >= 0 ? found : 0;
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  // Tab must always reach one row: when the focused entry has scrolled out of the DOM, the first rendered row stands in.
  const tabbableIndex = items.some((item) => item.index === activeIndex) ? activeIndex : items[0]?.index;
  const onFocusRow = useCallback((seq: number) => setActiveSeq(seq), []);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(entries.length - 1, index));
    const entry = entries[clamped];
    if (!entry) return;
    setActiveSeq(entry.seq);
    virtualizer.scrollToIndex(clamped);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-seq="${entry.seq}"]`)?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLTableRowElement)) return;
    if (event.key === 'ArrowDown') focusRow(activeIndex + 1);
    else if (event.key === 'ArrowUp') focusRow(activeIndex - 1);
    else if (event.key === 'PageDown') focusRow(activeIndex + pageRows);
    else if (event.key === 'PageUp') focusRow(activeIndex - pageRows);
    else if (event.key === 'Home') focusRow(0);
    else if (event.key === 'End') focusRow(entries.length - 1);
    else if (event.key === 'Enter' && entries[activeIndex]) onOpen(entries[activeIndex].seq);
    else return;
    event.preventDefault();
  };

  return (
    <div className="table-scroll audit-table" ref={scrollRef} onKeyDown={onKeyDown}>
      <table className="table table-fixed" aria-label="Audit entries" aria-rowcount={entries.length + 1}>
        <colgroup>
          {auditColumns.map((column) => (
            <col key={column.id} style={column.width === null ? undefined : { width: column.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {auditColumns.map((column) => (
              <th key={column.id} scope="col" className={column.id === 'latency' ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={auditColumns.length} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          ) : null}
          {items.map((item) => {
            const entry = entries[item.index];
            if (!entry) return null;
            return <AuditRow key={entry.seq} entry={entry} index={item.index} active={item.index === tabbableIndex} onFocus={onFocusRow} onOpen={onOpen} />;
          })}
          {paddingBottom > 0 ? (
            <tr aria-hidden="true">
              <td colSpan={auditColumns.length} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
