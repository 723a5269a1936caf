import type { StatusChangeResult } from '../../../../shared/campaigns/status-change';
import type { ConsoleError } from '../../../../shared/errors';
import { formatTable } from '../table';

export type CampaignRunAction = 'pause' | 'resume';

/** What happened to one campaign, in the command's words: 'paused'/'resumed' instead of 'changed'. */
export type CampaignRunOutcome = 'paused' | 'resumed' | 'already' | 'impossible' | 'failed' | 'cancelled';

export interface CampaignRunRow {
  id: string;
  name: string;
  outcome: CampaignRunOutcome;
  reason?: string;
  error?: ConsoleError;
}

/** The `--json` document of `campaigns pause|resume`. */
export interface CampaignRunReport {
  action: CampaignRunAction;
  /** 'ids': the campaigns named; 'emergency': `pause --all` / `resume --emergency`. */
  scope: 'ids' | 'emergency';
  tenant: string;
  runId?: string;
  total: number;
  summary: Record<CampaignRunOutcome, number>;
  /** Every campaign ended in the target status (done now or already). */
  ok: boolean;
  /** Ctrl+C stopped the run; campaigns not attempted are 'cancelled'. */
  interrupted: boolean;
  /**
   * What could not be written down (the emergency record, the audit log) or was found damaged,
   * one sentence each; the campaigns were still paused or resumed. Any makes `ok` false.
   */
  recordProblems: string[];
  campaigns: CampaignRunRow[];
}

const doneWord = { pause: 'paused', resume: 'resumed' } as const;
const stateWord = { pause: 'paused', resume: 'running' } as const;

const isOk = (row: CampaignRunRow) => row.outcome === 'paused' || row.outcome === 'resumed' || row.outcome === 'already';

export function campaignRunReport(input: {
  action: CampaignRunAction;
  scope: CampaignRunReport['scope'];
  tenant: string;
  runId?: string;
  results: readonly StatusChangeResult[];
  interrupted: boolean;
  recordProblems?: readonly string[];
}): CampaignRunReport {
  const campaigns = input.results.map((result): CampaignRunRow => ({
    id: result.campaignId,
    name: result.name,
    outcome: result.outcome === 'changed' ? doneWord[input.action] : result.outcome,
    ...(result.reason ? { reason: result.reason } : {}),
    ...(result.error ? { error: result.error } : {}),
  }));
  const summary: Record<CampaignRunOutcome, number> = { paused: 0, resumed: 0, already: 0, impossible: 0, failed: 0, cancelled: 0 };
  for (const row of campaigns) summary[row.outcome]++;
  return {
    action: input.action,
    scope: input.scope,
    tenant: input.tenant,
    ...(input.runId ? { runId: input.runId } : {}),
    total: campaigns.length,
    summary,
    ok: !input.interrupted && campaigns.every(isOk) && (input.recordProblems ?? []).length === 0,
    interrupted: input.interrupted,
    recordProblems: [...(input.recordProblems ?? [])],
    campaigns,
  };
}

function outcomeText(action: CampaignRunAction, row: CampaignRunRow): string {
  if (row.outcome === 'already') return `already ${stateWord[action]}`;
  if (isOk(row)) return row.outcome;
  return `NOT ${doneWord[action].toUpperCase()}: ${row.outcome}`;
}

function summaryLine(report: CampaignRunReport): string {
  const verb = doneWord[report.action];
  if (report.total === 0) {
    if (report.scope === 'ids') return `No campaigns ${verb}.`;
    return report.action === 'pause'
      ? 'No campaign was running or activating: nothing to pause.'
      : 'The emergency pause holds no campaigns: nothing to resume.';
  }
  const { already } = report.summary;
  const reached = report.summary[verb] + already;
  const problems = (['impossible', 'failed', 'cancelled'] as const).filter((kind) => report.summary[kind] > 0).map((kind) => `${report.summary[kind]} ${kind}`);
  const parts = [`${reached} of ${report.total} campaigns ${stateWord[report.action]}${already > 0 ? ` (${already} already)` : ''}`];
  if (problems.length > 0) parts.push(`${report.total - reached} NOT ${verb}: ${problems.join(', ')}`);
  if (report.interrupted) parts.push('interrupted by Ctrl+C; no further requests were started');
  return `${parts.join('; ')}.`;
}

/** An aligned table (problem rows marked with `!`) and one summary line. */
export function formatCampaignRun(report: CampaignRunReport): string[] {
  if (report.total === 0) return [summaryLine(report)];
  const table = formatTable(report.campaigns, [
    { title: ' ', value: (row) => (isOk(row) ? ' ' : '!') },
    { title: 'ID', value: (row) => row.id },
    { title: 'NAME', value: (row) => row.name },
    { title: 'OUTCOME', value: (row) => outcomeText(report.action, row) },
    { title: 'REASON', value: (row) => (isOk(row) ? '' : (row.reason ?? row.error?.message ?? '')) },
  ]);
  return [...table, '', summaryLine(report)];
}
