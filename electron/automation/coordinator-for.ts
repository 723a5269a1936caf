import { hostname } from 'node:os';
import { ConsoleFailure } from '../../shared/errors';
import { createDataFolderCoordinator } from './data-folder-coordinator';
import { createRedisTickCoordinator } from './redis/bullmq-tick-coordinator';
import { createRedisOneShotCoordinator } from './redis/redis-one-shot-coordinator';
import { parseRedisUrl, redisUrlSetting } from './redis/redis-url-setting';
import type { RunnerHolderKind, RunnerLease } from './runner-lease';
import type { TickCoordinator } from './tick-coordinator';

export interface CoordinatorChoice {
  env: Readonly<Record<string, string | undefined>>;
  /** The tenant's automation folder (the data-folder lease lives there). */
  dir: string;
  /** The tenant's identity on every machine: API base URL + client id. */
  tenantKey: string;
  kind: RunnerHolderKind;
  label: string;
  onRunnerChanged: () => void;
  onProblem?: (message: string) => void;
}

/** CXONE_REDIS_URL set: the BullMQ runner shared across machines; else the data folder's lease. A bad URL is refused naming the variable. */
export function tickCoordinatorFor(choice: CoordinatorChoice): TickCoordinator {
  const redis = parseRedisUrl(choice.env[redisUrlSetting]);
  if (!redis.ok) throw new ConsoleFailure(redis.error);
  if (redis.value === null) {
    return createDataFolderCoordinator({
      dir: choice.dir,
      kind: choice.kind,
      label: choice.label,
      onRunnerChanged: choice.onRunnerChanged,
      ...(choice.onProblem ? { onProblem: choice.onProblem } : {}),
    });
  }
  return createRedisTickCoordinator({
    redisUrl: redis.value.url,
    tenantKey: choice.tenantKey,
    holder: { kind: choice.kind, host: hostname(), pid: process.pid, label: choice.label },
    onRunnerChange: () => choice.onRunnerChanged(),
    ...(choice.onProblem ? { onError: (error) => choice.onProblem?.(error.message) } : {}),
  });
}

/**
 * For one tick by hand (`--once`): the lease that tick takes while it writes. CXONE_REDIS_URL set: the
 * tenant's active-runner record in Redis, so two one-off ticks on two machines never both write, nor one
 * beside a scheduled runner; else the data folder's lease. A bad URL is refused naming the variable.
 */
export function oneShotCoordinatorFor(choice: Omit<CoordinatorChoice, 'onRunnerChanged'>): { coordinator: TickCoordinator; lease: RunnerLease } {
  const redis = parseRedisUrl(choice.env[redisUrlSetting]);
  if (!redis.ok) throw new ConsoleFailure(redis.error);
  const coordinator =
    redis.value === null
      ? createDataFolderCoordinator({ dir: choice.dir, kind: choice.kind, label: choice.label })
      : createRedisOneShotCoordinator({
          redisUrl: redis.value.url,
          tenantKey: choice.tenantKey,
          holder: { kind: choice.kind, host: hostname(), pid: process.pid, label: choice.label },
          ...(choice.onProblem ? { onError: (error) => choice.onProblem?.(error.message) } : {}),
        });
  return { coordinator, lease: coordinator.lease };
}
