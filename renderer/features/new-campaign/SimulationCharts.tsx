import { Area, CartesianGrid, ComposedChart, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RatioPoint } from '../../../shared/new-campaign/simulation-report-schema';
import { abandonLimit, type SimulationReport } from './simulation-protocol';
import { duration, percent, percentRange, plusMinusPoints, ratio } from './simulation-format';

const axisPercent = (value: number) => `${Math.round(value * 100)}%`;
const chartHeight = 220;

/** Abandonment by dial ratio, with the 3 % line and the recommended ratio marked; the numbers beside it. */
export function AbandonmentChart({ report }: { report: SimulationReport }) {
  return (
    <figure className="panel nc-figure" aria-labelledby="nc-chart-abandon">
      <figcaption id="nc-chart-abandon">Abandoned calls vs dial ratio (share of answered calls)</figcaption>
      <div className="nc-figure-body">
        <div className="nc-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={chartHeight}>
            <ComposedChart data={report.ratios} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e3e7ed" />
              <XAxis dataKey="dialRatio" type="number" domain={['dataMin', 'dataMax']} tickFormatter={ratio} />
              <YAxis tickFormatter={axisPercent} width={44} />
              <Tooltip
                formatter={(value) => (Array.isArray(value) ? percentRange([Number(value[0]), Number(value[1])]) : percent(Number(value), 2))}
                labelFormatter={(label) => `Dial ratio ${ratio(Number(label))}`}
              />
              <ReferenceLine
                y={abandonLimit}
                stroke="#b3261e"
                strokeDasharray="6 3"
                label={{ value: '3% limit', position: 'insideTopRight', fill: '#b3261e', fontSize: 11 }}
              />
              {report.recommendedDialRatio !== null ? (
                <ReferenceLine
                  x={report.recommendedDialRatio}
                  stroke="#1f5fbf"
                  label={{ value: 'recommended', position: 'insideTopLeft', fill: '#1f5fbf', fontSize: 11 }}
                />
              ) : null}
              <Area
                type="monotone"
                dataKey={(point: RatioPoint) => [point.abandonRateLow, point.abandonRateHigh]}
                name="95% interval"
                legendType="square"
                stroke="none"
                fill="#1f5fbf"
                fillOpacity={0.18}
                isAnimationActive={false}
              />
              <Line type="monotone" dataKey="abandonRate" name="mean" stroke="#1f5fbf" strokeWidth={2} dot={{ r: 2 }} isAnimationActive={false} />
              <Legend />
            </ComposedChart>
          </ResponsiveContainer>
        </div>
        <div className="nc-table-scroll" tabIndex={0} role="region" aria-label="Abandonment by dial ratio, numbers">
          <table className="table nc-numbers">
            <caption className="sr-only">Abandoned share of answered calls by dial ratio</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  Ratio
                </th>
                <th scope="col" className="num">
                  Abandoned
                </th>
                <th scope="col" className="num">
                  95% interval
                </th>
                <th scope="col" className="num">
                  Records / h
                </th>
              </tr>
            </thead>
            <tbody>
              {report.ratios.map((point) => (
                <tr
                  key={point.dialRatio}
                  className={
                    point.dialRatio === report.recommendedDialRatio ? 'nc-recommended' : point.abandonRate >= abandonLimit ? 'nc-over-limit' : undefined
                  }
                >
                  <td className="num">
                    {ratio(point.dialRatio)}
                    {point.dialRatio === report.recommendedDialRatio ? <span className="sr-only"> (recommended)</span> : null}
                  </td>
                  <td className="num">{percent(point.abandonRate, 2)}</td>
                  <td className="num">{percentRange([point.abandonRateLow, point.abandonRateHigh])}</td>
                  <td className="num">{Math.round(point.contactsPerHour).toLocaleString('en-US')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}

/** Occupancy and service level (Erlang C) by the number of agents. */
export function OccupancyChart({ report }: { report: SimulationReport }) {
  return (
    <figure className="panel nc-figure" aria-labelledby="nc-chart-occupancy">
      <figcaption id="nc-chart-occupancy">Occupancy and service level vs agents</figcaption>
      <div className="nc-figure-body">
        <div className="nc-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={chartHeight}>
            <LineChart data={report.agents} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e3e7ed" />
              <XAxis dataKey="agents" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} />
              <YAxis tickFormatter={axisPercent} domain={[0, 1]} width={44} />
              <Tooltip formatter={(value) => percent(Number(value))} labelFormatter={(label) => `${String(label)} agents`} />
              <ReferenceLine
                x={report.staffing.agentsNeeded}
                stroke="#1f5fbf"
                label={{ value: 'needed', position: 'insideTopRight', fill: '#1f5fbf', fontSize: 11 }}
              />
              <Line
                type="monotone"
                dataKey="occupancy"
                name="occupancy (dialer model)"
                stroke="#1f5fbf"
                strokeWidth={2}
                dot={{ r: 2 }}
                isAnimationActive={false}
              />
              <Line
                type="monotone"
                dataKey="erlangOccupancy"
                name="occupancy (Erlang C)"
                stroke="#8a5a00"
                strokeWidth={2}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                type="monotone"
                dataKey="serviceLevel"
                name="service level (Erlang C)"
                stroke="#2e7d32"
                strokeDasharray="4 2"
                dot={false}
                isAnimationActive={false}
              />
              <Legend />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <table className="table nc-numbers">
          <caption className="sr-only">Occupancy, service level and average speed of answer by agents</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                Agents
              </th>
              <th scope="col" className="num">
                Dialer occ.
              </th>
              <th scope="col" className="num">
                Erlang C occ.
              </th>
              <th scope="col" className="num">
                Service level
              </th>
              <th scope="col" className="num">
                ASA
              </th>
            </tr>
          </thead>
          <tbody>
            {report.agents.map((point) => (
              <tr key={point.agents} className={point.agents === report.staffing.agentsNeeded ? 'nc-recommended' : undefined}>
                <td className="num">{point.agents}</td>
                <td className="num">
                  {percent(point.occupancy)}
                  <span className="nc-ci">{plusMinusPoints(point.occupancyCi95, 1)}</span>
                </td>
                <td className="num">{percent(point.erlangOccupancy)}</td>
                <td className="num">{percent(point.serviceLevel)}</td>
                <td className="num">{point.asaSeconds === null ? 'never settles' : `${point.asaSeconds.toFixed(1)} s`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** How much of the list is finished over time, progressive next to predictive at the recommended ratio. */
export function CompletionChart({ report }: { report: SimulationReport }) {
  const rows = report.completion.filter(
    (_, index) => index % Math.max(1, Math.ceil(report.completion.length / 8)) === 0 || index === report.completion.length - 1,
  );
  return (
    <figure className="panel nc-figure" aria-labelledby="nc-chart-completion">
      <figcaption id="nc-chart-completion">List completion over time</figcaption>
      <div className="nc-figure-body">
        <div className="nc-chart" aria-hidden="true">
          <ResponsiveContainer width="100%" height={chartHeight}>
            <LineChart data={report.completion} margin={{ top: 8, right: 12, bottom: 4, left: 0 }} accessibilityLayer={false}>
              <CartesianGrid stroke="#e3e7ed" />
              <XAxis dataKey="hours" type="number" domain={[0, 'dataMax']} tickFormatter={(h: number) => `${h.toFixed(h < 10 ? 1 : 0)}h`} />
              <YAxis tickFormatter={axisPercent} domain={[0, 1]} width={44} />
              <Tooltip formatter={(value) => percent(Number(value))} labelFormatter={(label) => duration(Number(label))} />
              <Line type="monotone" dataKey="progressive" name="progressive" stroke="#8a5a00" strokeWidth={2} dot={false} isAnimationActive={false} />
              {report.predictive ? (
                <Line
                  type="monotone"
                  dataKey="predictive"
                  name={`predictive ${ratio(report.predictive.dialRatio)}`}
                  stroke="#1f5fbf"
                  strokeWidth={2}
                  dot={false}
                  isAnimationActive={false}
                />
              ) : null}
              <Legend />
            </LineChart>
          </ResponsiveContainer>
        </div>
        <table className="table nc-numbers">
          <caption className="sr-only">Share of the list finished over time</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                After
              </th>
              <th scope="col" className="num">
                Progressive
              </th>
              <th scope="col" className="num">
                Predictive
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((point) => (
              <tr key={point.hours}>
                <td className="num">{duration(point.hours)}</td>
                <td className="num">{percent(point.progressive, 0)}</td>
                <td className="num">{point.predictive === null ? '—' : percent(point.predictive, 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
