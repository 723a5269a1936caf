import { describe, expect, it } from 'vitest';
import { navigationTarget } from '../../../renderer/components/use-virtual-rows';

describe('table keyboard navigation', () => {
  it('moves by one, by a page, and to either end, never past them', () => {
    expect(navigationTarget('ArrowDown', 3, 10, 5)).toBe(4);
    expect(navigationTarget('ArrowUp', 0, 10, 5)).toBe(0);
    expect(navigationTarget('PageDown', 8, 10, 5)).toBe(9);
    expect(navigationTarget('PageUp', 3, 10, 5)).toBe(0);
    expect(navigationTarget('Home', 7, 10, 5)).toBe(0);
    expect(navigationTarget('End', 2, 10, 5)).toBe(9);
  });

  it('leaves every other key to the table', () => {
    expect(navigationTarget('Enter', 2, 10, 5)).toBeNull();
    expect(navigationTarget('p', 2, 10, 5)).toBeNull();
  });
});
