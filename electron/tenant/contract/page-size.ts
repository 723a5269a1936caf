import { maxPageSize } from '../../../shared/cxone/schemas';

export const defaultPageSize = 100;

/** The contract caps pages at 500; anything else is clamped rather than refused. */
export const pageSizeOf = (requested: number | undefined, fallback = defaultPageSize) => Math.min(maxPageSize, Math.max(1, Math.floor(requested ?? fallback)));
