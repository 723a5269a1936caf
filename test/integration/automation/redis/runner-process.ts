// A command-line runner in its own process, for the tests that kill one mid-tick. Its run callback
// announces the tick on stdout (one JSON line) and then never finishes, so the tick is in flight when
// the test sends SIGKILL. Settings come from the environment the test passes.
import { hostname } from 'node:os';
import { createRedisTickCoordinator } from '../../../../electron/automation/redis/bullmq-tick-coordinator';

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const coordinator = createRedisTickCoordinator({
  redisUrl: process.env.TEST_REDIS_URL ?? '',
  tenantKey: process.env.TEST_TENANT_KEY ?? '',
  holder: { kind: 'cli', host: hostname(), pid: process.pid, label: `cxone-console (pid ${process.pid})` },
  timings: JSON.parse(process.env.TEST_TIMINGS ?? '{}') as Record<string, number>,
  onRunnerChange: (view) => say({ event: 'runner', holder: view.holder }),
});

await coordinator.start([{ ruleId: 'weather', everyMs: Number(process.env.TEST_EVERY_MS), jitterMs: 0 }], async (tick) => {
  say({ event: 'running', key: tick.key });
  await new Promise<never>(() => {});
});
say({ event: 'started' });
