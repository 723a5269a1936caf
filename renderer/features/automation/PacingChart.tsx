import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CapacitySeries } from '../../../shared/automation/automation-rules';
import { ErrorNotice } from '../../components/ErrorNotice';
import { clockTime, zoneName, zonedTime } from './automation-format';
import { capacityHourChoices, useAutomationStore } from './automation-store';

type Campaign = CapacitySeries[number];

const hourMinute = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

const minute = 60_000;

/** Axis ticks on round clock times, about five to eight across the span shown. */
function clockTicks(fromMs: number, toMs: number): number[] {
  const span = toMs - fromMs;
  const stepMs = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360].map((m) => m * minute).find((step) => span / step <= 8) ?? 360 * minute;
  const first = new Date(fromMs);
  first.setMinutes(0, 0, 0);
  const ticks: number[] = [];
  for (let at = first.getTime(); at <= toMs; at += stepMs) if (at >= fromMs) ticks.push(at);
  return ticks;
}

/**
 * Where the chart starts: the window's start, or shortly before the first point when the rule has
 * paced for less time than that (a chart of 6 h with two minutes of data is a dot at its edge).
 */
function chartStart(windowStartMs: number, toMs: number, firstPointMs: number | undefined): number {
  if (firstPointMs === undefined || firstPointMs <= windowStartMs) return windowStartMs;
  const margin = Math.max(2 * minute, (toMs - firstPointMs) * 0.1);
  return Math.max(windowStartMs, firstPointMs - margin);
}

/** The campaign charted first: the one whose limit moved most, then the one with most agents now. */
function mostTelling(campaigns: readonly Campaign[]): Campaign | undefined {
  const score = (campaign: Campaign) => {
    const figures = summary(campaign);
    return figures.changes * 1_000_000 + (figures.last?.availableAgents ?? 0);
  };
  return [...campaigns].sort((a, b) => score(b) - score(a))[0];
}

const nameOf = (campaign: Campaign) => campaign.campaignName ?? campaign.campaignId;

/** The newest point of a campaign's series, and the fewest agents seen over the window. */
function summary(campaign: Campaign) {
  const last = campaign.points.at(-1);
  const fewest = campaign.points.reduce((min, p) => Math.min(min, p.availableAgents), Number.POSITIVE_INFINITY);
  const changes = campaign.points.filter((p, i) => i > 0 && p.limit !== campaign.points[i - 1]?.limit).length;
  return { last, fewest: Number.isFinite(fewest) ? fewest : null, changes };
}

/** For pacing: available agents and the limit the capacity rule set, over the last hours, one campaign at a time. */
export function PacingChart() {
  const series = useAutomationStore((s) => s.capacity);
  const hours = useAutomationStore((s) => s.capacityHours);
  const error = useAutomationStore((s) => s.capacityError);
  const loadCapacity = useAutomationStore((s) => s.loadCapacity);
  const [chosen, setChosen] = useState<string | null>(null);
  if (!series && !error) return null;
  const campaigns = [...(series ?? [])].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  const shown = campaigns.find((c) => c.campaignId === chosen) ?? mostTelling(campaigns);
  const recorded = (shown?.points ?? []).map((p) => ({ atMs: Date.parse(p.at), available: p.availableAgents as number | null, limit: p.limit }));
  // One or two points draw no visible line: mark them, so the first tick's limit shows at once.
  const fewPoints = recorded.length <= 2 ? { r: 3 } : false;
  const toMs = Date.now();
  const windowStartMs = toMs - hours * 3600_000;
  // Points are oldest first; no spread over every point (500 campaigns × 24 h of ticks overflows the argument limit).
  const firstMs = campaigns.reduce((first, c) => (c.points[0] ? Math.min(first, Date.parse(c.points[0].at)) : first), Infinity);
  const fromMs = chartStart(windowStartMs, toMs, Number.isFinite(firstMs) ? firstMs : undefined);
  // The limit set stays in force until the next decision: drawn on to now (the agents only as far as they were seen).
  const last = recorded.at(-1);
  const points = last && last.atMs < toMs ? [...recorded, { atMs: toMs, available: null, limit: last.limit }] : recorded;
  return (
    <section className="panel auto-pacing" aria-labelledby="auto-pacing-title">
      <div className="toolbar">
        <h2 id="auto-pacing-title" className="auto-h2">
          Pacing: available agents and the limit set
        </h2>
        <span className="spacer" />
        <label htmlFor="auto-pacing-hours">Over the last</label>
        <select id="auto-pacing-hours" value={hours} onChange={(e) => void loadCapacity(Number(e.target.value))}>
          {capacityHourChoices.map((h) => (
            <option key={h} value={h}>
              {h} h
            </option>
          ))}
        </select>
      </div>
      <ErrorNotice error={error} title="Reading the pacing history" />
      {campaigns.length === 0 ? (
        error ? null : (
          <p className="muted empty">No pacing recorded in the last {hours} h: the capacity rule has not set a limit yet.</p>
        )
      ) : (
        <div className="auto-pacing-body">
          <div className="table-scroll auto-pacing-table" role="region" aria-label="Campaigns paced">
            <table className="table">
              <caption className="sr-only">Campaigns paced by the capacity rule; choose one to chart it</caption>
              <thead>
                <tr>
                  <th scope="col">Campaign</th>
                  <th scope="col" className="num">
                    Agents now
                  </th>
                  <th scope="col" className="num">
                    Limit now
                  </th>
                  <th scope="col" className="num">
                    Fewest agents
                  </th>
                  <th scope="col" className="num">
                    Limit changes
                  </th>
                </tr>
              </thead>
              <tbody>
                {campaigns.map((campaign) => {
                  const figures = summary(campaign);
                  const selected = campaign.campaignId === shown?.campaignId;
                  return (
                    <tr key={campaign.campaignId} className={selected ? 'row-selected' : undefined} aria-selected={selected}>
                      <td>
                        <button type="button" className="link-button" aria-pressed={selected} onClick={() => setChosen(campaign.campaignId)}>
                          {nameOf(campaign)}
                        </button>
                      </td>
                      <td className="num">{figures.last?.availableAgents ?? '—'}</td>
                      <td className="num">{figures.last?.limit ?? 'none'}</td>
                      <td className="num">{figures.fewest ?? '—'}</td>
                      <td className="num">{figures.changes}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <figure className="auto-pacing-figure" aria-labelledby="auto-pacing-caption">
            <figcaption id="auto-pacing-caption">
              <strong>{shown ? nameOf(shown) : ''}</strong>{' '}
              <span className="muted">
                {recorded.length} {recorded.length === 1 ? 'decision' : 'decisions'}, {zonedTime(new Date(fromMs).toISOString())} to now
                {fromMs > windowStartMs ? ` (paced since then, of the last ${hours} h)` : ''}
              </span>
            </figcaption>
            <div className="auto-chart" aria-hidden="true">
              <ResponsiveContainer width="100%" height={200}>
                <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
                  <CartesianGrid stroke="#e3e7ed" />
                  <XAxis
                    dataKey="atMs"
                    type="number"
                    scale="time"
                    domain={[fromMs, toMs]}
                    ticks={clockTicks(fromMs, toMs)}
                    tickFormatter={hourMinute}
                    minTickGap={24}
                  />
                  <YAxis allowDecimals={false} width={36} />
                  <Tooltip labelFormatter={(ms) => `${clockTime(new Date(Number(ms)).toISOString())} ${zoneName(Number(ms))}`} />
                  <Line type="stepAfter" dataKey="available" name="agents available" stroke="#2e7d32" dot={fewPoints} isAnimationActive={false} />
                  <Line
                    type="stepAfter"
                    dataKey="limit"
                    name="limit set"
                    stroke="#1f5fbf"
                    strokeDasharray="5 3"
                    dot={fewPoints}
                    connectNulls={false}
                    isAnimationActive={false}
                  />
                  <Legend />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </figure>
        </div>
      )}
    </section>
  );
}
