import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AutomationDecision } from '../../../shared/automation/automation-rules';
import { capacitySeriesOf } from '../../../electron/automation/capacity-series';
import { decisionAuditEntry, isAuditedDecision } from '../../../electron/automation/decision-audit';
import { createDecisionHistory } from '../../../electron/automation/decision-history';
import { automationTenantKey } from '../../../electron/automation/automation-folder';

const decision = (changes: Partial<AutomationDecision> = {}): AutomationDecision => ({
  ruleId: 'capacity',
  tickId: 't1',
  at: '2026-12-02T10:00:00.000Z',
  campaignId: 'c-1',
  campaignName: 'Spring renewals',
  action: 'set-limit',
  outcome: 'applied',
  reason: '6 agents available × 0.8',
  dryRun: false,
  evidence: { availableAgents: 6, oldLimit: 10, newLimit: 4 },
  ...changes,
});

describe('decision records', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'decisions-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('audits only real writes and failures, with the rule as actor and the evidence as details', () => {
    expect(isAuditedDecision(decision())).toBe(true);
    expect(isAuditedDecision(decision({ outcome: 'failed', error: 'rules.maxConcurrentCalls: INVALID_VALUE' }))).toBe(true);
    expect(isAuditedDecision(decision({ outcome: 'unchanged' }))).toBe(false);
    expect(isAuditedDecision(decision({ outcome: 'would-apply', dryRun: true }))).toBe(false);
    const entry = decisionAuditEntry(decision({ outcome: 'failed', error: 'rules.maxConcurrentCalls: INVALID_VALUE' }), 'Demo tenant');
    expect(entry).toMatchObject({
      actor: { type: 'rule', name: 'capacity' },
      action: 'automation.set_limit',
      target: { type: 'campaign', id: 'c-1', name: 'Spring renewals' },
      before: { maxConcurrentCalls: 10 },
      after: { maxConcurrentCalls: 4 },
      outcome: 'failed',
      details: { tickId: 't1', evidence: { availableAgents: 6 } },
    });
    expect(entry.reason).toContain('INVALID_VALUE');
    expect(decisionAuditEntry(decision({ ruleId: 'weather', action: 'pause', evidence: { alerts: [{ id: 'a1', severity: 'Severe' }] } }), 'x')).toMatchObject({
      action: 'automation.pause',
      before: { status: 'running' },
      after: { status: 'paused' },
    });
  });

  it('reads the history newest first and drops the oldest past its cap', async () => {
    const history = createDecisionHistory({ dir, ruleId: 'capacity', maxLines: 5, keepLines: 3 });
    for (let index = 1; index <= 4; index += 1) await history.append([decision({ tickId: `t${index}` })]);
    expect((await history.newest(2)).map((d) => d.tickId)).toEqual(['t4', 't3']);
    await history.append([decision({ tickId: 't5' }), decision({ tickId: 't6' })]);
    expect((await history.newest(10)).map((d) => d.tickId)).toEqual(['t6', 't5', 't4']);
    expect((await readFile(join(dir, 'capacity.decisions.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(3);
  });

  it('charts available agents and the limit in force after each capacity decision, per campaign, oldest first', () => {
    const series = capacitySeriesOf([
      decision({ at: '2026-12-02T10:10:00.000Z', outcome: 'unchanged', evidence: { availableAgents: 5, oldLimit: 4, newLimit: 4 } }),
      decision({ at: '2026-12-02T10:00:00.000Z' }),
      decision({ at: '2026-12-02T10:05:00.000Z', outcome: 'failed', evidence: { availableAgents: 9, oldLimit: 4, newLimit: 7 } }),
      decision({ campaignId: 'c-2', dryRun: true, outcome: 'would-apply' }),
    ]);
    expect(series).toEqual([
      {
        campaignId: 'c-1',
        campaignName: 'Spring renewals',
        points: [
          { at: '2026-12-02T10:00:00.000Z', availableAgents: 6, limit: 4 },
          { at: '2026-12-02T10:05:00.000Z', availableAgents: 9, limit: 4 },
          { at: '2026-12-02T10:10:00.000Z', availableAgents: 5, limit: 4 },
        ],
      },
    ]);
  });

  it('keys a tenant by its profile on the demo and by base URL and client id elsewhere', () => {
    expect(automationTenantKey({ profileId: 'demo', isDemo: true, apiBaseUrl: 'http://127.0.0.1:5555', clientId: 'x' })).toBe('demo');
    const a = automationTenantKey({ profileId: 'p1', isDemo: false, apiBaseUrl: 'https://api.example.com/', clientId: 'client' });
    const b = automationTenantKey({ profileId: 'cli', isDemo: false, apiBaseUrl: 'https://api.example.com', clientId: 'client' });
    expect(a).toBe(b);
    expect(a).toMatch(/^api\.example\.com-[0-9a-f]{24}$/);
    expect(automationTenantKey({ profileId: 'cli', isDemo: false, apiBaseUrl: 'https://api.example.com', clientId: 'other' })).not.toBe(a);
  });
});
