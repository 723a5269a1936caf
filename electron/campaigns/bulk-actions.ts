import type { AuditActor } from '../../shared/audit/audit-entry';
import type { StatusChangeResult } from '../../shared/campaigns/status-change';
import type { CampaignActionProgress } from '../../shared/campaigns/action-progress';
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
  onProgress: (progress: CampaignActionProgress) => void,
  progressEveryMs = 100,
): BulkActions {
  const running = new Map<string, AbortController>();
  return {
    async run(ids, target, actor, actionId) {
      if (!actionId) return control.setStatus(ids, target, actor);
      const controller = new AbortController();
      running.set(actionId, controller);
      let lastSent = 0;
      onProgress({ actionId, target, done: 0, total: ids.length });
      try {
        return await control.setStatus(ids, target, actor, {
          signal: controller.signal,
          onResult: (_result, done, total) => {
            const now = Date.now();
            if (done === total || now - lastSent >= progressEveryMs) {
              lastSent = now;
              onProgress({ actionId, target, done, total });
            }
          },
        });
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
