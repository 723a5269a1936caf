import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';

/** The row a navigation key moves to from `active` in a list of `count` rows, or null for any other key. */
export function navigationTarget(key: string, active: number, count: number, pageRows: number): number | null {
  const target =
    key === 'ArrowDown'
      ? active + 1
      : key === 'ArrowUp'
        ? active - 1
        : key === 'PageDown'
          ? active + pageRows
          : key === 'PageUp'
            ? active - pageRows
            : key === 'Home'
              ? 0
              : key === 'End'
                ? count - 1
                : null;
  return target === null ? null : Math.max(0, Math.min(count - 1, target));
}

/**
 * A virtualized table body: only the rows in view are in the page, with spacer heights
 * above and below, and keyboard focus that survives scrolling.
 */
export function useVirtualRows(count: number, rowHeight: number) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, overscan: 12 });
  const items = virtualizer.getVirtualItems();
  const paddingTop = items[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return {
    scrollRef,
    items,
    paddingTop,
    paddingBottom,
    /** Tab must always reach one row: when the active row has scrolled out of the page, the first rendered row stands in. */
    tabbableIndex: (active: number) => (items.some((item) => item.index === active) ? active : items[0]?.index),
    /** Scrolls row `index` into view and focuses the element `selector` finds once it is rendered. */
    scrollToAndFocus(index: number, selector: string) {
      virtualizer.scrollToIndex(index);
      requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(selector)?.focus());
    },
  };
}
