import type { PacingSummary } from '../../../shared/new-campaign/simulation-report-schema';
import { abandonLimit, type SimulationReport } from './simulation-protocol';
import { duration, percent, plusMinusDuration, plusMinusPoints, plusMinusWhole, ratio, whole } from './simulation-format';

/** A figure with its 95% interval's half-width under it. */
function WithInterval({ value, interval }: { value: string; interval: string }) {
  return (
    <>
      {value}
      {interval ? <span className="nc-ci">{interval}</span> : null}
    </>
  );
}

function PacingCells({ pacing, days }: { pacing: PacingSummary; days: (hours: number | null) => string }) {
  return (
    <>
      <td className="num">{ratio(pacing.dialRatio)}</td>
      <td className="num">
        <WithInterval value={percent(pacing.abandonRate, 2)} interval={plusMinusPoints(pacing.abandonRateCi95)} />
      </td>
      <td className="num">
        <WithInterval value={percent(pacing.occupancy)} interval={plusMinusPoints(pacing.occupancyCi95, 1)} />
      </td>
      <td className="num">
        <WithInterval value={whole(pacing.contactsPerHour)} interval={plusMinusWhole(pacing.contactsPerHourCi95)} />
      </td>
      <td className="num">
        <WithInterval value={duration(pacing.completionHours)} interval={plusMinusDuration(pacing.completionHoursCi95)} />
      </td>
      <td className="num">{days(pacing.completionHours)}</td>
    </>
  );
}

/** How many replications ran, and why not always all of them. */
function replicationNote(report: SimulationReport): string {
  const { request, precision } = report;
  const counts = [...report.ratios.map((point) => point.replications), ...report.agents.map((point) => point.replications)];
  const fewest = Math.min(...counts);
  const most = Math.max(...counts);
  const range = fewest === most ? `${most}` : `${fewest}–${most}`;
  const stopping = precision
    ? ` Each setting stopped once its 95% intervals were within ±${percent(precision.relativeHalfWidth, 0)} (abandonment ±${percent(precision.abandonmentRelative, 0)} or ±${(precision.abandonmentAbsolute * 100).toFixed(1)} pt) and, on the dial ratio sweep, clear of the ${percent(abandonLimit, 0)} limit, with at least ${Math.min(precision.minReplications, request.replications)}.`
    : '';
  return `${range} of at most ${request.replications} replications per setting (${report.replicationsRun.toLocaleString('en-US')} in all over ${report.settingsSimulated} settings, seed ${request.seed}; the same seed gives the same numbers).${stopping} ± is the half-width of the 95% interval.`;
}

/** The headline numbers: staffing (Erlang C) and progressive vs predictive pacing. */
export function SimulationSummaryTables({ report }: { report: SimulationReport }) {
  const { staffing, progressive, predictive } = report;
  const request = report.request;
  const shortStaffed = request.agents < staffing.agentsNeeded;
  const days = (hours: number | null) => (hours === null ? '—' : (hours / request.callingHoursPerDay).toFixed(1));
  return (
    <div className="nc-grid">
      <div className="panel">
        <h3 className="nc-h3">Staffing (Erlang C)</h3>
        <table className="table nc-numbers">
          <caption className="sr-only">Erlang C staffing for the answered calls the dialer may produce</caption>
          <tbody>
            <tr>
              <th scope="row">Answered calls per hour</th>
              <td className="num">{whole(staffing.callsPerHour)}</td>
            </tr>
            <tr>
              <th scope="row">Traffic</th>
              <td className="num">{staffing.trafficErlangs.toFixed(2)} Erlangs</td>
            </tr>
            <tr>
              <th scope="row">
                Agents needed for {percent(request.serviceLevel, 0)} in {request.targetSeconds} s
              </th>
              <td className="num">
                <strong>{staffing.agentsNeeded}</strong>
              </td>
            </tr>
            <tr>
              <th scope="row">Probability of waiting</th>
              <td className="num">{percent(staffing.probabilityWaiting)}</td>
            </tr>
            <tr>
              <th scope="row">Service level achieved</th>
              <td className="num">{percent(staffing.serviceLevel)}</td>
            </tr>
            <tr>
              <th scope="row">Average speed of answer</th>
              <td className="num">{staffing.asaSeconds.toFixed(1)} s</td>
            </tr>
            <tr>
              <th scope="row">Occupancy</th>
              <td className="num">{percent(staffing.occupancy)}</td>
            </tr>
          </tbody>
        </table>
        {shortStaffed ? (
          <p className="notice notice-warn">
            {request.agents} agents are simulated but Erlang C needs {staffing.agentsNeeded} to answer {percent(request.serviceLevel, 0)} of calls within{' '}
            {request.targetSeconds} s at max calls per hour.
          </p>
        ) : null}
      </div>
      <div className="panel">
        <h3 className="nc-h3">Pacing: progressive vs predictive</h3>
        <table className="table nc-numbers">
          <caption className="sr-only">Progressive and predictive pacing compared</caption>
          <thead>
            <tr>
              <th scope="col">Pacing</th>
              <th scope="col" className="num">
                Dial ratio
              </th>
              <th scope="col" className="num">
                Abandoned
              </th>
              <th scope="col" className="num">
                Occupancy
              </th>
              <th scope="col" className="num">
                Records / h
              </th>
              <th scope="col" className="num">
                List done in
              </th>
              <th scope="col" className="num">
                Calling days
              </th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">Progressive</th>
              <PacingCells pacing={progressive} days={days} />
            </tr>
            <tr className="nc-recommended">
              <th scope="row">Predictive (recommended)</th>
              {predictive ? (
                <PacingCells pacing={predictive} days={days} />
              ) : (
                <td colSpan={6}>No dial ratio above 1 keeps abandonment under {percent(abandonLimit, 0)}; dial progressively.</td>
              )}
            </tr>
          </tbody>
        </table>
        {report.throughputGain !== null && predictive ? (
          <p className="nc-note">
            Predictive at {ratio(predictive.dialRatio)} works {percent(report.throughputGain, 0)} more records an hour than progressive.
          </p>
        ) : null}
        <p className="muted nc-note">
          Recommended: the highest dial ratio whose predicted abandonment (upper 95% bound) stays under {percent(abandonLimit, 0)} of answered calls.
        </p>
        <p className="muted nc-note">{replicationNote(report)}</p>
      </div>
    </div>
  );
}
