import type { DemoTenantStats } from './public-types';

export function createStatsRecorder() {
  let stats: DemoTenantStats = { requests: 0, byStatus: {}, rateLimited: 0 };
  return {
    recordRequest(): void {
      stats.requests += 1;
    },
    recordStatus(status: number): void {
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    },
    recordRateLimited(): void {
      stats.rateLimited += 1;
    },
    snapshot(): DemoTenantStats {
      return { requests: stats.requests, byStatus: { ...stats.byStatus }, rateLimited: stats.rateLimited };
    },
    reset(): void {
      stats = { requests: 0, byStatus: {}, rateLimited: 0 };
    },
  };
}

export type StatsRecorder = ReturnType<typeof createStatsRecorder>;
