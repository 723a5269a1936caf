import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CapacitySeries } from '../../../shared/automation/automation-rules';
import { ErrorNotice } from '../../components/ErrorNotice';
import { clockTime } from './automation-format';
import { capacityHourChoices, useAutomationStore } from './automation-store';

type Campaign = CapacitySeries[number];

const hourMinute = (ms: number) => new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });

/** Axis ticks on round clock times: every 30 min over a few hours, hourly up to 12 h, then every 3 h. */
function clockTicks(fromMs: number, toMs: number, hours: number): number[] {
  const stepMs = (hours <= 3 ? 0.5 : hours <= 12 ? 1 : 3) * 3600_000;
  const first = new Date(fromMs);
  first.setMinutes(0, 0, 0);
  const ticks: number[] = [];
  for (let at = first.getTime(); at <= toMs; at += stepMs) if (at >= fromMs) ticks.push(at);
  return ticks;
}

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
  const campaigns = series ?? [];
  const shown = campaigns.find((c) => c.campaignId === chosen) ?? campaigns[0];
  const points = (shown?.points ?? []).map((p) => ({ atMs: Date.parse(p.at), available: p.availableAgents, limit: p.limit }));
  // One or two points draw no visible line: mark them, so the first tick's limit shows at once.
  const fewPoints = points.length <= 2 ? { r: 3 } : false;
  const toMs = Date.now();
  const fromMs = toMs - hours * 3600_000;
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
                          {campaign.campaignName ?? campaign.campaignId}
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
              <strong>{shown?.campaignName ?? shown?.campaignId}</strong>{' '}
              <span className="muted">
                {points.length} {points.length === 1 ? 'point' : 'points'}, {clockTime(new Date(fromMs).toISOString())} to now
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
                    ticks={clockTicks(fromMs, toMs, hours)}
                    tickFormatter={hourMinute}
                    minTickGap={24}
                  />
                  <YAxis allowDecimals={false} width={36} />
                  <Tooltip labelFormatter={(ms) => clockTime(new Date(Number(ms)).toISOString())} />
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
