import type { AuditActor } from '../../shared/audit/audit-entry';
import type { StatusChangeResult } from '../../shared/campaigns/status-change';
import type { RunProgressOf } from '../../shared/runs/run-progress';
import { createRunProgressReporter } from '../runs/run-progress-reporter';
import type { CampaignControl } from './campaign-control';

export interface BulkActions {
  run(ids: readonly string[], target: 'running' | 'paused', actor: AuditActor, actionId?: string): Promise<StatusChangeResult[]>;
  cancel(actionId: string): boolean;
}

/**
 * Pause or resume on a selection, with progress a person can watch and a way to stop it:
 * a selection of thousands takes as long as the tenant's rate limit says.
 */
export function createBulkActions(
  control: Pick<CampaignControl, 'setStatus'>,
  onProgress: (progress: RunProgressOf<'bulk-status'>) => void,
  progressEveryMs = 100,
): BulkActions {
  const running = new Map<string, AbortController>();
  return {
    async run(ids, target, actor, actionId) {
      if (!actionId) return control.setStatus(ids, target, actor);
      const controller = new AbortController();
      running.set(actionId, controller);
      const counts: Record<string, number> = {};
      const reporter = createRunProgressReporter({
        runId: actionId,
        kind: 'bulk-status',
        total: ids.length,
        emit: onProgress,
        everyMs: progressEveryMs,
        counts: {},
        detail: () => ({ target }),
      });
      reporter.update(0, {});
      try {
        const results = await control.setStatus(ids, target, actor, {
          signal: controller.signal,
          onResult: (result, done) => {
            counts[result.outcome] = (counts[result.outcome] ?? 0) + 1;
            reporter.update(done, { ...counts });
          },
        });
        reporter.finish(controller.signal.aborted ? 'cancelled' : 'finished');
        return results;
      } catch (thrown) {
        reporter.finish('failed');
        throw thrown;
      } finally {
        running.delete(actionId);
      }
    },
    cancel(actionId) {
      const controller = running.get(actionId);
      controller?.abort();
      return controller !== undefined;
    },
  };
}
