import { useCallback, useState, type KeyboardEvent } from 'react';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { navigationTarget, useVirtualRows } from '../../components/use-virtual-rows';
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
  const found = activeSeq === null ? -1 : entries.findIndex((entry) => entry.seq === activeSeq);
  const activeIndex = found >= 0 ? found : 0;
  const { scrollRef, items, paddingTop, paddingBottom, tabbableIndex: tabbableOf, scrollToAndFocus } = useVirtualRows(entries.length, rowHeight);
  const tabbableIndex = tabbableOf(activeIndex);
  const onFocusRow = useCallback((seq: number) => setActiveSeq(seq), []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!(event.target instanceof HTMLTableRowElement)) return;
    const target = navigationTarget(event.key, activeIndex, entries.length, pageRows);
    const entry = target === null ? undefined : entries[target];
    if (target !== null && entry) {
      setActiveSeq(entry.seq);
      scrollToAndFocus(target, `[data-seq="${entry.seq}"]`);
    } else if (event.key === 'Enter' && entries[activeIndex]) onOpen(entries[activeIndex].seq);
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
